package dev.penguinmails.domains.blacklists;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The names a list is asked at (RFC 5782 §2): reversed octets for IPv4, reversed nibbles for IPv6, the domain itself. */
final class DnsblNames {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private DnsblNames() { }

    /** {@code 192.0.2.1} at {@code zen.spamhaus.org} is {@code 1.2.0.192.zen.spamhaus.org}. */
    static String forAddress(InetAddress address, String zone) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder();
        for (int i = bytes.length - 1; i >= 0; i--) {
            int b = bytes[i] & 0xFF;
            if (address instanceof Inet4Address) {
                name.append(b).append('.');
            } else {
                name.append(HEX[b & 0x0F]).append('.').append(HEX[b >> 4]).append('.');
            }
        }
        return name.append(zone).toString();
    }

    /** {@code acme.com} at {@code dbl.spamhaus.org} is {@code acme.com.dbl.spamhaus.org}. */
    static String forDomain(String domain, String zone) {
        return domain + "." + zone;
    }
}

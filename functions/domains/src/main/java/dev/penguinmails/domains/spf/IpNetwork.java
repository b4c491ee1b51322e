package dev.penguinmails.domains.spf;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/** An IPv4 or IPv6 network, address plus prefix length, as in SPF's ip4 and ip6 mechanisms. */
public record IpNetwork(InetAddress address, int prefixLength) {
    public IpNetwork {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + address);
        }
    }

    /** Parses {@code 192.0.2.0/24} or {@code 2001:db8::/32}; without a prefix the network is the single address. */
    public static IpNetwork parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress ip = InetAddresses.forString(address);
        int prefix = slash < 0 ? ip.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
        return new IpNetwork(ip, prefix);
    }

    /** True when this is an IPv4 network. */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** True when {@code ip} is of the same family and its first {@code prefixLength} bits equal the network's. */
    public boolean contains(InetAddress ip) {
        if ((ip instanceof Inet6Address) != (address instanceof Inet6Address)) {
            return false;
        }
        byte[] network = address.getAddress();
        byte[] candidate = ip.getAddress();
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (network[i] != candidate[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - restBits)) & 0xFF;
        return (network[fullBytes] & mask) == (candidate[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return InetAddresses.toAddrString(address) + "/" + prefixLength;
    }
}

package dev.penguinmails.shared.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Whether an address is on the public internet: what a customer-supplied host (a mailbox server, a webhook
 * target) may resolve to before we connect to it. Loopback, private, link-local (the instance metadata service),
 * shared (CGNAT), benchmarking, multicast, reserved and documentation ranges are not, nor their IPv4-mapped and
 * NAT64 forms. Written here because the JDK only knows some of these ranges (decision 0030).
 */
public final class PublicAddresses {
    private static final List<Cidr> NOT_PUBLIC_V4 = List.of(
            Cidr.of("0.0.0.0", 8), Cidr.of("10.0.0.0", 8), Cidr.of("100.64.0.0", 10), Cidr.of("127.0.0.0", 8),
            Cidr.of("169.254.0.0", 16), Cidr.of("172.16.0.0", 12), Cidr.of("192.0.0.0", 24), Cidr.of("192.0.2.0", 24),
            Cidr.of("192.88.99.0", 24), Cidr.of("192.168.0.0", 16), Cidr.of("198.18.0.0", 15),
            Cidr.of("198.51.100.0", 24), Cidr.of("203.0.113.0", 24), Cidr.of("224.0.0.0", 4), Cidr.of("240.0.0.0", 4));
    private static final List<Cidr> NOT_PUBLIC_V6 = List.of(
            Cidr.of("::", 128), Cidr.of("::1", 128), Cidr.of("100::", 64), Cidr.of("2001:db8::", 32),
            Cidr.of("fc00::", 7), Cidr.of("fe80::", 10), Cidr.of("fec0::", 10), Cidr.of("ff00::", 8));
    private static final Cidr MAPPED_V4 = Cidr.of("::ffff:0:0", 96);
    private static final Cidr NAT64 = Cidr.of("64:ff9b::", 96);
    private static final Cidr TEREDO = Cidr.of("2001::", 32);
    private static final Cidr SIX_TO_FOUR = Cidr.of("2002::", 16);

    private PublicAddresses() { }

    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return NOT_PUBLIC_V4.stream().noneMatch(c -> c.contains(bytes));
        }
        if (address instanceof Inet6Address) {
            if (MAPPED_V4.contains(bytes) || NAT64.contains(bytes)) {
                return isPublic(v4(bytes, 12));
            }
            if (SIX_TO_FOUR.contains(bytes)) {
                return isPublic(v4(bytes, 2));
            }
            // Teredo hides the client's address obfuscated; nothing legitimate asks us to connect to one.
            return !TEREDO.contains(bytes) && NOT_PUBLIC_V6.stream().noneMatch(c -> c.contains(bytes));
        }
        return false;
    }

    private static InetAddress v4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, offset, offset + 4));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private record Cidr(byte[] network, int prefix) {
        static Cidr of(String literal, int prefix) {
            try {
                return new Cidr(InetAddress.getByName(literal).getAddress(), prefix);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}

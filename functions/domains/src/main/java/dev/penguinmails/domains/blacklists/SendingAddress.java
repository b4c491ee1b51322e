package dev.penguinmails.domains.blacklists;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address mail of a domain leaves from, and where we learnt it: {@code platform} (our own sending addresses) or
 * {@code spf} (named in the domain's SPF record). Mailbox SMTP hosts will be a third source.
 */
public record SendingAddress(InetAddress address, String source) {
    public SendingAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(source, "source");
    }

    /** An address as configured, e.g. {@code 192.0.2.1} or {@code 2001:db8::1}; throws when it is none. */
    static InetAddress parse(String text) {
        try {
            return InetAddresses.forString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    /** The address as people write it. */
    public String text() {
        return InetAddresses.toAddrString(address);
    }
}

package dev.penguinmails.domains.blacklists;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.dns.DnsLookup;
import java.util.List;

/**
 * One source of the addresses a domain's mail leaves from. Each is a bean; the blacklist checks ask every one, so
 * a new source (mailboxes' SMTP hosts) is one more implementation.
 */
public interface SendingAddresses {
    /** What this source knows for {@code domain}, asking {@code dns} where it must. */
    Found find(Domain domain, DnsLookup dns);

    /**
     * Addresses to check, and what the source saw but cannot check, one line each (e.g. an SPF range, which is
     * not asked address by address).
     */
    record Found(List<SendingAddress> addresses, List<String> notChecked) {
        public Found {
            addresses = List.copyOf(addresses);
            notChecked = List.copyOf(notChecked);
        }
    }
}

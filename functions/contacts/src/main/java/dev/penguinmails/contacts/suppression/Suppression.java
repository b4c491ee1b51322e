package dev.penguinmails.contacts.suppression;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a workspace's suppression list: an address (matched by its hash; the address itself is kept
 * unless the entry outlived an erasure) or a domain with its subdomains, and why.
 *
 * @param id        {@code eml_<email hash>} or {@code dom_<ascii domain>}: the entry's key, so one per address or domain
 * @param email     the normalised address, null for domain entries and for entries that keep only the hash
 * @param emailHash {@link dev.penguinmails.events.contacts.EmailHashes} of the address; null for domain entries
 * @param domain    the ASCII domain of a domain entry; null for address entries
 * @param source    who added it: {@code api}, or later {@code import}, {@code sending} (bounces, complaints), {@code erasure}
 */
public record Suppression(String id, Kind kind, @Nullable String email, @Nullable String emailHash,
                          @Nullable String domain, Reason reason, String source, Instant createdAt, long version) {
    public Suppression {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** What an entry matches. */
    public enum Kind {
        EMAIL, DOMAIN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why an address or domain is suppressed. */
    public enum Reason {
        UNSUBSCRIBED("unsubscribed"), HARD_BOUNCE("hard-bounce"), COMPLAINT("complaint"), MANUAL("manual"),
        /** Kept (as a hash only) after a contact's erasure, so a re-import cannot bring them back. */
        ERASED("erased");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /**
         * One of the four reasons a customer may give (not {@code erased}, which only an erasure sets), without
         * regard to case, and with {@code _} or a space for {@code -} ({@code Hard Bounce}).
         */
        public static Reason given(String value) {
            String wire = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            Reason reason = ERASED.wire.equals(wire) ? null : java.util.Arrays.stream(values())
                    .filter(r -> r.wire.equals(wire)).findFirst().orElse(null);
            if (reason == null) {
                throw new IllegalArgumentException("must be one of unsubscribed, hard-bounce, complaint, manual");
            }
            return reason;
        }

        public static Reason fromWire(String value) {
            for (Reason reason : values()) {
                if (reason.wire.equals(value)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("must be one of unsubscribed, hard-bounce, complaint, manual");
        }
    }

    static String emailId(String emailHash) {
        return "eml_" + emailHash;
    }

    static String domainId(String domain) {
        return "dom_" + domain;
    }
}

package dev.penguinmails.domains.dmarc;

import java.util.Locale;
import java.util.Optional;

/** What a DMARC policy asks receivers to do with mail that fails DMARC (RFC 7489 §6.3, tags p and sp). */
public enum DmarcPolicy {
    /** Deliver as usual and only report: monitoring. */
    NONE,
    /** Treat as suspicious, typically the spam folder. */
    QUARANTINE,
    /** Refuse during the SMTP transaction. */
    REJECT;

    /** The value as written in a record. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy written as {@code value} (case-insensitive), if it is one. */
    public static Optional<DmarcPolicy> parse(String value) {
        for (DmarcPolicy policy : values()) {
            if (policy.value().equalsIgnoreCase(value)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}

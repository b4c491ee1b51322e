package dev.penguinmails.domains.catalog;

import java.util.Locale;

/**
 * Where a domain stands. Only a VERIFIED domain may send; a verified domain whose records break becomes DEGRADED
 * and sends nothing until they are fixed; REMOVED domains are kept briefly so their removal is announced.
 */
public enum DomainStatus {
    PENDING, VERIFIED, DEGRADED, FAILED, REMOVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean eligibleForSending() {
        return this == VERIFIED;
    }
}

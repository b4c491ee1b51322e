package dev.penguinmails.domains.spf;

import java.util.Locale;

/** The SPF mechanisms of RFC 7208 §5. */
public enum MechanismKind {
    ALL, INCLUDE, A, MX, PTR, IP4, IP6, EXISTS;

    /** True for the mechanisms that cost one of the 10 DNS lookups of RFC 7208 §4.6.4. */
    public boolean countsLookup() {
        return this == INCLUDE || this == A || this == MX || this == PTR || this == EXISTS;
    }

    /** The mechanism's name as written in a record. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.penguinmails.domains.dmarc;

/** Identifier alignment mode of the adkim and aspf tags (RFC 7489 §3.1). */
public enum Alignment {
    /** Organizational domains must match (the default). */
    RELAXED,
    /** Domains must match exactly. */
    STRICT;

    /** The value as written in a record ({@code r} or {@code s}). */
    public String value() {
        return this == RELAXED ? "r" : "s";
    }
}

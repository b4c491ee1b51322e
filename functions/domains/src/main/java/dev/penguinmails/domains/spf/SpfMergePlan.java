package dev.penguinmails.domains.spf;

/**
 * What to publish at a domain so its SPF authorizes our include. {@code record} is the full record to publish
 * (null when {@link Outcome#BLOCKED}); {@code lookupsAfter} counts the DNS lookups of the published record's
 * whole tree, and {@code exceedsLookupLimit} warns that publishing it would break SPF for the domain.
 */
public record SpfMergePlan(String domain, Outcome outcome, String currentRecord, String record, int lookupsAfter,
                           boolean exceedsLookupLimit, String reason) {

    /** What the customer has to do. */
    public enum Outcome {
        /** No SPF record yet: publish {@code record}. */
        CREATE,
        /** Replace the current record with {@code record}. */
        UPDATE,
        /** Ours is already authorized, directly or nested: nothing to publish. */
        ALREADY_PRESENT,
        /** The current setup must be fixed by hand first (several records, invalid syntax, DNS failing). */
        BLOCKED
    }
}

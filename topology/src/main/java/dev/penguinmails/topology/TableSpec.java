package dev.penguinmails.topology;

import java.util.List;
import java.util.Objects;

/**
 * A DynamoDB table: string partition and sort keys, global secondary indexes, and the epoch-second
 * attribute that TTL expires items by. Billing is on demand and point-in-time recovery is on.
 */
public record TableSpec(String name, String partitionKey, String sortKey, List<IndexSpec> indexes, String ttlAttribute) {
    /**
     * The sparse index of items with undelivered outbox entries (events and writes owed by a committed
     * change): only such items carry its keys, so the relay reads just those.
     */
    public static final IndexSpec OUTBOX_INDEX = new IndexSpec("outbox", "outboxpk", "outboxsk");

    public TableSpec {
        Names.requireLogicalName(name);
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        indexes = List.copyOf(indexes);
        Objects.requireNonNull(ttlAttribute, "ttlAttribute");
    }

    /** The usual layout: pk/sk, two overloaded GSIs, the {@link #OUTBOX_INDEX} and an {@code expiresAt} TTL attribute. */
    public static TableSpec standard(String name) {
        return new TableSpec(name, "pk", "sk",
                List.of(new IndexSpec("gsi1", "gsi1pk", "gsi1sk"), new IndexSpec("gsi2", "gsi2pk", "gsi2sk"), OUTBOX_INDEX),
                "expiresAt");
    }

    /** A global secondary index with string keys that projects all attributes. */
    public record IndexSpec(String name, String partitionKey, String sortKey) {
        public IndexSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitionKey, "partitionKey");
            Objects.requireNonNull(sortKey, "sortKey");
        }
    }
}

package dev.penguinmails.contacts.plans;

import dev.penguinmails.contacts.catalog.ContactStore;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The workspace's count of contacts in use ({@code pk WS#<workspace>#CONTACT-COUNT, sk COUNT}: {@code inUse} and
 * {@code changedAt}), its key built from the {@link TenantContext}. Places are taken by a conditional update that
 * never lets {@code inUse} pass the limit, before the contacts are written, and given back when a write loses or a
 * contact is deleted (decision 0061). Counting the contact items again sets it right: the first time a workspace
 * needs it, and when a refusal finds it standing still for a while (a place taken by a create that crashed).
 */
@Singleton
public class ContactCount {
    static final String PARTITION = "CONTACT-COUNT";
    static final String SK = "COUNT";
    /** The attributes noting the places an import batch took, until its contacts are written (decision 0061). */
    static final String BATCH_PREFIX = "batch:";
    /**
     * Every counter is listed under this {@code gsi1pk}, its workspace as {@code gsi1sk}: the workspaces that have
     * contacts, which the query model's reconciliation walks without scanning the table.
     */
    static final String REGISTRY = "CONTACT-COUNTS";

    private final DynamoDbClient dynamo;
    private final String table;
    private final ContactStore contacts;

    ContactCount(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
                 ContactStore contacts) {
        this.dynamo = dynamo;
        this.table = table;
        this.contacts = contacts;
    }

    /** The counter as stored: places in use and when it last changed; empty before the workspace's first count. */
    public Optional<State> read(TenantContext tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> batches = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(BATCH_PREFIX)) {
                batches.put(name.substring(BATCH_PREFIX.length()), Long.parseLong(value.n()));
            }
        });
        return Optional.of(new State(Long.parseLong(item.get("inUse").n()), Instant.parse(item.get("changedAt").s()),
                batches));
    }

    /** Takes {@code places} if {@code inUse + places <= limit}; false if they are not free (or nothing is counted yet). */
    boolean take(TenantContext tenant, long places, long limit) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant))
                    .updateExpression("ADD inUse :n SET changedAt = :now")
                    .conditionExpression("inUse <= :most")
                    .expressionAttributeValues(Map.of(":n", number(places), ":most", number(limit - places),
                            ":now", AttributeValue.fromS(Instant.now().toString()))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    /**
     * Takes {@code places} for the import batch {@code batch} as {@link #take} does, noting in the same write that the
     * batch's contacts hold {@code held} places, unless the batch noted it before; false if not taken.
     */
    boolean takeForBatch(TenantContext tenant, String batch, long places, long limit, long held) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant))
                    .updateExpression("ADD inUse :n SET changedAt = :now, #batch = :held")
                    .conditionExpression("inUse <= :most AND attribute_not_exists(#batch)")
                    .expressionAttributeNames(Map.of("#batch", BATCH_PREFIX + batch))
                    .expressionAttributeValues(Map.of(":n", number(places), ":most", number(limit - places),
                            ":held", number(held), ":now", AttributeValue.fromS(Instant.now().toString()))));
            return true;
        } catch (ConditionalCheckFailedException fullOrNoted) {
            return false;
        }
    }

    /** Forgets the batch's note once its contacts are written: from then on they are found as written. */
    public void forgetBatch(TenantContext tenant, String batch) {
        dynamo.updateItem(r -> r.tableName(table).key(key(tenant)).updateExpression("REMOVE #batch")
                .expressionAttributeNames(Map.of("#batch", BATCH_PREFIX + batch)));
    }

    /** Gives back {@code places}; a counter already below them is left for the next count to set right. */
    public void giveBack(TenantContext tenant, long places) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant))
                    .updateExpression("ADD inUse :minus SET changedAt = :now")
                    .conditionExpression("inUse >= :n")
                    .expressionAttributeValues(Map.of(":minus", number(-places), ":n", number(places),
                            ":now", AttributeValue.fromS(Instant.now().toString()))));
        } catch (ConditionalCheckFailedException belowOrMissing) {
            // Nothing to give back to: a count starts from the contact items.
        }
    }

    /** Starts the counter from the contact items, unless another request started it meanwhile. */
    void start(TenantContext tenant) {
        long live = contacts.countLive(tenant);
        Map<String, AttributeValue> item = new HashMap<>(key(tenant));
        item.put("inUse", number(live));
        item.put("changedAt", AttributeValue.fromS(Instant.now().toString()));
        item.put("gsi1pk", AttributeValue.fromS(REGISTRY));
        item.put("gsi1sk", AttributeValue.fromS(tenant.workspaceId()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException started) {
            // Counted by another request: its count stands.
        }
    }

    /**
     * Sets the counter to the contact items counted now, if it has not changed since {@code seen}; true if it did.
     * Only for a counter that stood still longer than any create takes, so no place is in flight.
     */
    boolean recount(TenantContext tenant, State seen) {
        long live = contacts.countLive(tenant);
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant))
                    // The registry entry too, for a counter started before counters were registered.
                    .updateExpression("SET inUse = :live, changedAt = :now, gsi1pk = :registry, gsi1sk = :ws")
                    .conditionExpression("changedAt = :seen")
                    .expressionAttributeValues(Map.of(":live", number(live), ":seen",
                            AttributeValue.fromS(seen.changedAt().toString()),
                            ":now", AttributeValue.fromS(Instant.now().toString()),
                            ":registry", AttributeValue.fromS(REGISTRY), ":ws", AttributeValue.fromS(tenant.workspaceId()))));
            return live != seen.inUse();
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("a workspace's contact count cannot be read or changed without a TenantContext");
        }
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + PARTITION), "sk", AttributeValue.fromS(SK));
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    /**
     * The counter: contacts in use (places taken), when it last changed, and the import batches whose places are taken
     * but whose contacts may not all be written yet (batch → the places its contacts hold).
     */
    public record State(long inUse, Instant changedAt, Map<String, Long> batches) {
        public State {
            batches = Map.copyOf(batches);
        }
    }
}

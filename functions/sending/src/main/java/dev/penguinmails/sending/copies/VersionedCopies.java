package dev.penguinmails.sending.copies;

import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.outbox.VersionedWrites;
import dev.penguinmails.shared.aws.BatchWrites;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sending's copies of other families' state ({@code pk WS#<workspace>#<kind>, sk <id>}), each written only when its
 * event's version is newer than the stored one (decision 0046): a late, repeated or reordered event never puts an
 * older state back. A removal is kept as a tombstone at its version, without the state, so that an older update
 * arriving after it cannot bring the thing back; readers treat a tombstone as absent.
 */
@Singleton
public class VersionedCopies {
    private final DynamoDbClient dynamo;
    private final String table;

    VersionedCopies(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores {@code attributes} at {@code version} unless the same or a newer version is stored; true if written. */
    public boolean apply(TenantContext tenant, String kind, String id, long version, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.putAll(key(tenant, kind, id));
        item.put("workspaceId", AttributeValue.fromS(tenant.workspaceId()));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #v < :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))));
            return true;
        } catch (ConditionalCheckFailedException olderOrSame) {
            return false;
        }
    }

    /** Replaces the copy with a tombstone at {@code version}, unless a newer one is stored; true if written. */
    public boolean remove(TenantContext tenant, String kind, String id, long version) {
        return apply(tenant, kind, id, version, Map.of("removed", AttributeValue.fromBool(true)));
    }

    /**
     * Adds {@code attributes} (and what {@code owed} carries) to the copy at exactly {@code version}, once: false if
     * the copy is gone, another version or already carries {@code onceAttribute}. A newer version replaces the whole
     * item, so what was added here goes with the version it was about.
     */
    public boolean annotate(TenantContext tenant, String kind, String id, long version, String onceAttribute,
                            Map<String, AttributeValue> attributes, OutboxEntry owed) {
        return VersionedWrites.replace(dynamo, table, key(tenant, kind, id), attributes, List.of(), version, owed,
                "attribute_not_exists(removed) AND attribute_not_exists(" + onceAttribute + ")");
    }

    public String table() {
        return table;
    }

    /** The key of a copy (the item that carries what {@link #annotate} owes). */
    public static Map<String, AttributeValue> itemKey(TenantContext tenant, String kind, String id) {
        return key(tenant, kind, id);
    }

    /** The live copy (not a tombstone), if any. */
    public Optional<Map<String, AttributeValue>> find(TenantContext tenant, String kind, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, kind, id))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty() || item.containsKey("removed")) {
            return Optional.empty();
        }
        return Optional.of(item);
    }

    /** The live copies of {@code ids} by id (tombstones and unknown ids left out), read in batches of 100. */
    public Map<String, Map<String, AttributeValue>> findAll(TenantContext tenant, String kind, Collection<String> ids) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchWrites.getAll(dynamo, table,
                ids.stream().distinct().map(id -> key(tenant, kind, id)).toList())) {
            if (!item.containsKey("removed")) {
                found.put(item.get("sk").s(), item);
            }
        }
        return found;
    }

    /** The stored version, tombstones included (for tests and diagnostics). */
    public Optional<Long> version(TenantContext tenant, String kind, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, kind, id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(item.get("version").n()));
    }

    /** The live copies of a partition: whether any is there (e.g. an active suppression of one address). */
    public boolean anyLive(TenantContext tenant, String kind) {
        var response = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                .filterExpression("attribute_not_exists(removed)")
                .expressionAttributeValues(Map.of(":pk", partition(tenant, kind))).consistentRead(true));
        return !response.items().isEmpty();
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, String kind, String id) {
        return Map.of("pk", partition(tenant, kind), "sk", AttributeValue.fromS(id));
    }

    private static AttributeValue partition(TenantContext tenant, String kind) {
        if (tenant == null) {
            throw new IllegalStateException("sending's copies cannot be read or changed without a TenantContext");
        }
        return AttributeValue.fromS(tenant.keyPrefix() + kind);
    }
}

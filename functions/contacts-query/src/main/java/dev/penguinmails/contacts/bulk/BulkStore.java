package dev.penguinmails.contacts.bulk;

import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Bulk operations in the contacts table ({@code pk WS#<ws>#BULKOPS, sk <operation id>}), keys from the
 * {@link TenantContext}. The item's counters are the progress; family contacts adds to them for the chunks it applies
 * (its {@code bulk.BulkProgress} writes the same attributes), each chunk once, by the set {@code doneChunks}.
 */
@Singleton
class BulkStore {
    static final String PARTITION = "BULKOPS";
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    BulkStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
              CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    void create(TenantContext tenant, BulkOperation op, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, op.id()));
        item.put("action", AttributeValue.fromS(op.action()));
        item.put("tags", AttributeValue.fromL(op.tags().stream().map(AttributeValue::fromS).toList()));
        if (op.listId() != null) {
            item.put("listId", AttributeValue.fromS(op.listId()));
        }
        item.put("target", AttributeValue.fromS(op.target()));
        if (op.segmentId() != null) {
            item.put("segmentId", AttributeValue.fromS(op.segmentId()));
        }
        item.put("matched", number(op.matched()));
        item.put("chunks", number(op.chunks()));
        for (String counter : List.of("processed", "changed", "unchanged", "failed", "missing")) {
            item.put(counter, number(0));
        }
        item.put("createdBy", AttributeValue.fromS(op.createdBy()));
        item.put("createdAt", AttributeValue.fromS(op.createdAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(op.updatedAt().toString()));
        item.put("expiresAt", number(expiresAt.getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    Optional<BulkOperation> get(TenantContext tenant, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() || expired(item) ? Optional.empty() : Optional.of(read(tenant, item));
    }

    /** Newest first (operation ids sort by time). */
    Page<BulkOperation> list(TenantContext tenant, PageRequest page) {
        String scope = "contact-bulk-operations|" + tenant.workspaceId();
        Map<String, AttributeValue> start = page.cursor() == null ? null : cursors.decode(page.cursor(), scope);
        QueryResponse response = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(tenant.keyPrefix() + PARTITION)))
                .scanIndexForward(false).limit(page.limit()).exclusiveStartKey(start).consistentRead(true));
        List<BulkOperation> ops = response.items().stream().filter(i -> !expired(i)).map(i -> read(tenant, i)).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(ops, next);
    }

    /**
     * Adds a chunk's outcome to the counters, unless that chunk was counted already (a redelivered message): the
     * condition and the additions are one conditional update, so a chunk counts once.
     */
    boolean count(TenantContext tenant, String id, int chunk, long processed, long changed, long unchanged, long failed,
                  long missing) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant, id))
                    .updateExpression("ADD #p :p, #c :c, #u :u, #f :f, #m :m, doneChunks :cs SET updatedAt = :now")
                    .expressionAttributeNames(Map.of("#p", "processed", "#c", "changed", "#u", "unchanged", "#f", "failed",
                            "#m", "missing"))
                    .conditionExpression("attribute_exists(pk) AND NOT contains(doneChunks, :chunk)")
                    .expressionAttributeValues(Map.of(":p", number(processed), ":c", number(changed),
                            ":u", number(unchanged), ":f", number(failed), ":m", number(missing),
                            ":cs", AttributeValue.fromNs(List.of(Integer.toString(chunk))), ":chunk", number(chunk),
                            ":now", AttributeValue.fromS(Instant.now().toString()))));
            return true;
        } catch (ConditionalCheckFailedException counted) {
            return false;
        }
    }

    /** Marks an operation failed (its chunks could not all be queued); chunks already queued still apply. */
    void fail(TenantContext tenant, String id, String problem, String reason) {
        dynamo.updateItem(r -> r.tableName(table).key(key(tenant, id))
                .updateExpression("SET problem = :p, reason = :r, updatedAt = :now")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(problem), ":r", AttributeValue.fromS(reason),
                        ":now", AttributeValue.fromS(Instant.now().toString()))));
    }

    private static boolean expired(Map<String, AttributeValue> item) {
        AttributeValue expires = item.get("expiresAt");
        return expires != null && Long.parseLong(expires.n()) < Instant.now().getEpochSecond();
    }

    private static BulkOperation read(TenantContext tenant, Map<String, AttributeValue> i) {
        return new BulkOperation(i.get("sk").s(), tenant.workspaceId(), i.get("action").s(),
                i.containsKey("tags") ? i.get("tags").l().stream().map(AttributeValue::s).toList() : List.of(),
                s(i, "listId"), i.get("target").s(), s(i, "segmentId"), n(i, "matched"), (int) n(i, "chunks"),
                n(i, "processed"), n(i, "changed"), n(i, "unchanged"), n(i, "failed"), n(i, "missing"),
                s(i, "problem"), s(i, "reason"), i.get("createdBy").s(), Instant.parse(i.get("createdAt").s()),
                Instant.parse(i.get("updatedAt").s()));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, String id) {
        if (tenant == null) {
            throw new IllegalStateException("bulk operations cannot be read or changed without a TenantContext");
        }
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + PARTITION), "sk", AttributeValue.fromS(id));
    }
}

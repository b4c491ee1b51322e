package dev.penguinmails.shared.tenancy;

import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.topology.TableSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Tenant data in one DynamoDB table. Every method takes the {@link TenantContext} and writes the
 * workspace prefix ({@code WS#<workspaceId>#}) in front of the partition key, and of the GSI partition
 * keys, itself: callers name keys relative to their workspace, so they cannot address another
 * workspace's items. Creates are conditional, updates check an optimistic {@code version}, list
 * queries page by signed cursor, and items past their {@code expiresAt} are treated as absent
 * (DynamoDB's TTL deletes lazily, the local emulator never).
 */
public final class TenantTable {
    public static final String VERSION = "version";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final TableSpec layout;
    private final CursorCodec cursors;
    private final Clock clock;
    private final Set<String> indexPartitionKeys;

    public TenantTable(DynamoDbClient dynamo, String tableName, TableSpec layout, CursorCodec cursors, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.indexPartitionKeys = layout.indexes().stream().map(TableSpec.IndexSpec::partitionKey).collect(Collectors.toSet());
    }

    public String tableName() {
        return tableName;
    }

    /** The item, if it exists and has not expired (strongly consistent read). */
    public Optional<Map<String, AttributeValue>> get(TenantContext tenant, String partition, String sortKey) {
        Map<String, AttributeValue> key = key(tenant, partition, sortKey);
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tableName).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() || isExpired(item) ? Optional.empty() : Optional.of(item);
    }

    /**
     * Writes a new item at version 1, unless a live one has this key ({@link ItemExistsException}).
     * GSI partition keys among {@code attributes} are given relative to the workspace, like the key.
     *
     * @return the item as stored
     */
    public Map<String, AttributeValue> create(TenantContext tenant, String partition, String sortKey,
                                              Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(tenantAttributes(tenant, attributes));
        item.values().removeIf(Objects::isNull);
        item.putAll(key(tenant, partition, sortKey));
        item.put(VERSION, AttributeValue.fromN("1"));
        try {
            dynamo.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #ttl <= :now")
                    .expressionAttributeNames(Map.of("#pk", layout.partitionKey(), "#ttl", layout.ttlAttribute()))
                    .expressionAttributeValues(Map.of(":now", now())));
        } catch (ConditionalCheckFailedException e) {
            throw new ItemExistsException("An item with this key already exists.");
        }
        return Map.copyOf(item);
    }

    /**
     * Sets (or, for a null value, removes) attributes of a live item whose version is still
     * {@code expectedVersion}, and bumps the version.
     *
     * @return the item as it is now
     * @throws ItemNotFoundException if there is no live item
     * @throws StaleVersionException if the version moved on
     */
    public Map<String, AttributeValue> update(TenantContext tenant, String partition, String sortKey, long expectedVersion,
                                              Map<String, AttributeValue> changes) {
        Map<String, AttributeValue> key = key(tenant, partition, sortKey);
        Map<String, String> names = new HashMap<>(Map.of("#pk", layout.partitionKey(), "#ttl", layout.ttlAttribute(),
                "#version", VERSION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":now", now(),
                ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                ":next", AttributeValue.fromN(Long.toString(expectedVersion + 1))));
        List<String> sets = new ArrayList<>(List.of("#version = :next"));
        List<String> removes = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> change : tenantAttributes(tenant, changes).entrySet()) {
            String name = "#a" + i;
            names.put(name, change.getKey());
            if (change.getValue() == null) {
                removes.add(name);
            } else {
                values.put(":a" + i, change.getValue());
                sets.add(name + " = :a" + i);
            }
            i++;
        }
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        try {
            return dynamo.updateItem(r -> r.tableName(tableName).key(key)
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk) AND #version = :expected"
                            + " AND (attribute_not_exists(#ttl) OR #ttl > :now)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException e) {
            if (get(tenant, partition, sortKey).isEmpty()) {
                throw new ItemNotFoundException("The item does not exist.");
            }
            throw new StaleVersionException("The item was changed since it was read; read it again and retry.");
        }
    }

    /** Deletes the item; true if a live one was there. */
    public boolean delete(TenantContext tenant, String partition, String sortKey) {
        Map<String, AttributeValue> key = key(tenant, partition, sortKey);
        Map<String, AttributeValue> old = dynamo.deleteItem(r -> r.tableName(tableName).key(key)
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty() && !isExpired(old);
    }

    /**
     * One page of a query inside the workspace. The cursor is bound to this workspace and this exact
     * query; expired items are left out, so a page may hold fewer than {@code limit} items.
     */
    public Page<Map<String, AttributeValue>> query(TenantContext tenant, TenantQuery query, PageRequest page) {
        requireTenant(tenant);
        Objects.requireNonNull(page, "page");
        String partitionAttribute = layout.partitionKey();
        String sortAttribute = layout.sortKey();
        if (query.index() != null) {
            TableSpec.IndexSpec index = layout.indexes().stream().filter(x -> x.name().equals(query.index())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No index " + query.index() + " on " + layout.name()));
            partitionAttribute = index.partitionKey();
            sortAttribute = index.sortKey();
        }
        String partition = tenant.keyPrefix() + query.partition();
        String scope = String.join("|", "tenant-query", tableName, String.valueOf(query.index()), partition,
                query.sortKeyPrefix(), query.descending() ? "desc" : "asc");

        Map<String, String> names = new HashMap<>(Map.of("#p", partitionAttribute, "#ttl", layout.ttlAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", AttributeValue.fromS(partition), ":now", now()));
        String keyCondition = "#p = :p";
        if (!query.sortKeyPrefix().isEmpty()) {
            names.put("#s", sortAttribute);
            values.put(":s", AttributeValue.fromS(query.sortKeyPrefix()));
            keyCondition += " AND begins_with(#s, :s)";
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName(query.index())
                .keyConditionExpression(keyCondition)
                .filterExpression("attribute_not_exists(#ttl) OR #ttl > :now")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(!query.descending())
                .limit(page.limit());
        if (page.cursor() != null) {
            Map<String, AttributeValue> start = cursors.decode(page.cursor(), scope);
            // The signature already binds the cursor to this partition; this guards against a bug, not a client.
            AttributeValue startPartition = start.get(partitionAttribute);
            if (startPartition == null || !partition.equals(startPartition.s())) {
                throw new ProblemException(ProblemType.INVALID_CURSOR, "The cursor was not issued for this list.");
            }
            request.exclusiveStartKey(start);
        }
        QueryResponse response = dynamo.query(request.build());
        List<Map<String, AttributeValue>> items = response.items().stream().filter(item -> !isExpired(item)).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(items, next);
    }

    /** Whether {@code item} is past its {@code expiresAt} (epoch seconds). */
    public boolean isExpired(Map<String, AttributeValue> item) {
        AttributeValue expiresAt = item.get(layout.ttlAttribute());
        if (expiresAt == null || expiresAt.n() == null) {
            return false;
        }
        return new BigDecimal(expiresAt.n()).compareTo(BigDecimal.valueOf(clock.instant().getEpochSecond())) <= 0;
    }

    private Map<String, AttributeValue> key(TenantContext tenant, String partition, String sortKey) {
        requireTenant(tenant);
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(sortKey, "sortKey");
        return Map.of(layout.partitionKey(), AttributeValue.fromS(tenant.keyPrefix() + partition),
                layout.sortKey(), AttributeValue.fromS(sortKey));
    }

    /** The attributes with GSI partition keys moved into the workspace; keys and version are ours to write. */
    private Map<String, AttributeValue> tenantAttributes(TenantContext tenant, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> out = new HashMap<>();
        attributes.forEach((name, value) -> {
            if (name.equals(layout.partitionKey()) || name.equals(layout.sortKey()) || name.equals(VERSION)) {
                throw new IllegalArgumentException(name + " is managed by TenantTable; pass keys as arguments");
            }
            if (indexPartitionKeys.contains(name) && value != null) {
                if (value.s() == null) {
                    throw new IllegalArgumentException(name + " must be a string");
                }
                out.put(name, AttributeValue.fromS(tenant.keyPrefix() + value.s()));
            } else {
                out.put(name, value);
            }
        });
        return out;
    }

    private AttributeValue now() {
        return AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()));
    }

    private static void requireTenant(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("Tenant data cannot be accessed without a TenantContext");
        }
    }
}

package dev.penguinmails.identity.audit;

import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.shared.tenancy.TenantQuery;
import dev.penguinmails.shared.tenancy.TenantTable;
import dev.penguinmails.shared.tenancy.TenantTables;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The audit trail. Workspace entries live in the workspace's {@code AUDIT} partition (newest first by
 * their time-sortable id) and are purged with the workspace; account-level entries live under the user
 * ({@code USER#<id>}, sort key {@code AUDIT#<id>}). Entries expire after
 * {@code penguinmails.identity.audit.retention} (default 400 days).
 */
@Singleton
public class AuditLog {
    /** The partition, inside a workspace, that holds its audit trail. */
    public static final String PARTITION = "AUDIT";
    private static final String SYSTEM_ACTOR = "system:audit";

    private final TenantTable tenantTable;
    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final Duration retention;

    public AuditLog(TenantTables tables, DynamoDbClient dynamo, IdentityTable table,
                    AuditSettings settings) {
        this.tenantTable = tables.table("identity");
        this.dynamo = dynamo;
        this.table = table;
        this.retention = settings.retention();
    }

    /** Records {@code entry}; throws if it could not be stored, so that a security action is never silently unaudited. */
    public void record(AuditEntry entry) {
        String id = Ids.newId("aud");
        Map<String, AttributeValue> item = attributes(id, entry);
        if (entry.workspaceId() != null) {
            tenantTable.create(TenantContext.system(entry.workspaceId(), SYSTEM_ACTOR), PARTITION, id, item);
            return;
        }
        String owner = accountOwner(entry);
        Map<String, AttributeValue> accountItem = new HashMap<>(item);
        accountItem.put("pk", AttributeValue.fromS("USER#" + owner));
        accountItem.put("sk", AttributeValue.fromS("AUDIT#" + id));
        dynamo.putItem(PutItemRequest.builder().tableName(table.name()).item(accountItem).build());
    }

    /**
     * {@code entry} as the complete item {@link #record} would store, under a fresh id, for a change to
     * carry in its outbox: written after the change commits, however often delivery is repeated.
     */
    public Map<String, AttributeValue> item(AuditEntry entry) {
        String id = Ids.newId("aud");
        Map<String, AttributeValue> item = attributes(id, entry);
        if (entry.workspaceId() != null) {
            item.put("pk", AttributeValue.fromS(TenantContext.system(entry.workspaceId(), SYSTEM_ACTOR).keyPrefix() + PARTITION));
            item.put("sk", AttributeValue.fromS(id));
            item.put(TenantTable.VERSION, AttributeValue.fromN("1"));
        } else {
            item.put("pk", AttributeValue.fromS("USER#" + accountOwner(entry)));
            item.put("sk", AttributeValue.fromS("AUDIT#" + id));
        }
        return item;
    }

    private static String accountOwner(AuditEntry entry) {
        return "user".equals(entry.targetType()) && entry.targetId() != null ? entry.targetId() : entry.actorId();
    }

    /** One page of {@code tenant}'s workspace trail, newest first. */
    public Page<AuditRecord> list(TenantContext tenant, PageRequest page) {
        return tenantTable.query(tenant, TenantQuery.partition(PARTITION).inDescendingOrder(), page).map(AuditLog::toRecord);
    }

    private Map<String, AttributeValue> attributes(String id, AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("auditId", AttributeValue.fromS(id));
        item.put("actorId", AttributeValue.fromS(entry.actorId()));
        item.put("actorKind", AttributeValue.fromS(entry.actorKind().name()));
        item.put("action", AttributeValue.fromS(entry.action()));
        putIfPresent(item, "targetType", entry.targetType());
        putIfPresent(item, "targetId", entry.targetId());
        putIfPresent(item, "ip", entry.ip());
        putIfPresent(item, "userAgent", entry.userAgent());
        item.put("occurredAt", AttributeValue.fromS(entry.occurredAt().toString()));
        if (!entry.details().isEmpty()) {
            item.put("details", AttributeValue.fromM(entry.details().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> AttributeValue.fromS(e.getValue())))));
        }
        item.put(IdentityTable.EXPIRES_AT, AttributeValue.fromN(Long.toString(
                entry.occurredAt().plus(retention).getEpochSecond())));
        return item;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    static AuditRecord toRecord(Map<String, AttributeValue> item) {
        String targetType = string(item, "targetType");
        String targetId = string(item, "targetId");
        Map<String, String> details = item.containsKey("details") && item.get("details").hasM()
                ? item.get("details").m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()))
                : Map.of();
        return new AuditRecord(string(item, "auditId"), string(item, "action"),
                new AuditRecord.Actor(string(item, "actorId"), ActorKind.valueOf(string(item, "actorKind"))),
                targetType == null && targetId == null ? null : new AuditRecord.Target(targetType, targetId),
                string(item, "ip"), string(item, "userAgent"), Instant.parse(string(item, "occurredAt")), details);
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}

package dev.penguinmails.identity.workspaces;

import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.events.outbox.OutboxEntry;
import io.micronaut.core.annotation.Nullable;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Workspace items ({@code pk WS#<id>, sk WORKSPACE}): name, primary owner, status. A soft-deleted
 * workspace is indexed on gsi2 under {@code PURGE} by its purge time, so the purge job finds the due
 * ones with one query. Changes are conditional on the status they start from.
 */
@Singleton
public class WorkspaceStore {
    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final Clock clock;

    public WorkspaceStore(DynamoDbClient dynamo, IdentityTable table) {
        this(dynamo, table, Clock.systemUTC());
    }

    WorkspaceStore(DynamoDbClient dynamo, IdentityTable table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Writes a new active workspace; false if one with this id exists (ids are fresh, so only on a retry). */
    public boolean create(String workspaceId, String name, String ownerId, Instant now) {
        return create(workspaceId, name, ownerId, now, null);
    }

    /** As {@link #create(String, String, String, Instant)}, the item carrying {@code owed} in its outbox. */
    public boolean create(String workspaceId, String name, String ownerId, Instant now, @Nullable OutboxEntry owed) {
        Map<String, AttributeValue> item = new HashMap<>(WorkspaceItems.newItem(workspaceId, name, ownerId, now));
        if (owed != null) {
            item.putAll(owed.attributes());
        }
        try {
            dynamo.putItem(r -> r.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** The workspace of {@code tenant}, whatever its status. */
    public Optional<Workspace> get(TenantContext tenant) {
        requireTenant(tenant);
        return find(tenant.workspaceId());
    }

    Optional<Workspace> find(String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table.name())
                .key(WorkspaceItems.key(workspaceId)).consistentRead(true)).item();
        return WorkspaceItems.read(item, clock.instant());
    }

    /** The live workspaces among {@code workspaceIds}, by id (for a person's list of workspaces). */
    public Map<String, Workspace> getAll(Collection<String> workspaceIds) {
        Map<String, Workspace> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = workspaceIds.stream().distinct().map(WorkspaceItems::key).toList();
        for (int i = 0; i < keys.size(); i += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table.name(),
                    KeysAndAttributes.builder().keys(keys.subList(i, Math.min(keys.size(), i + 100))).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(pending));
                Instant now = clock.instant();
                response.responses().getOrDefault(table.name(), List.of())
                        .forEach(item -> WorkspaceItems.read(item, now).ifPresent(w -> found.put(w.id(), w)));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /** Renames an active workspace; empty if it is not active (any more). */
    public Optional<Workspace> rename(TenantContext tenant, String name, Instant now, @Nullable OutboxEntry owed) {
        requireTenant(tenant);
        return update(tenant.workspaceId(), owed, "SET #name = :name, updatedAt = :now", "#status = :active",
                Map.of("#name", "name", "#status", "status"),
                Map.of(":name", AttributeValue.fromS(name), ":now", AttributeValue.fromS(now.toString()),
                        ":active", AttributeValue.fromS(WorkspaceStatus.ACTIVE.name())));
    }

    /** Soft-deletes an active workspace, to be purged after {@code purgeAfter}; empty if it was not active. */
    public Optional<Workspace> markDeleted(TenantContext tenant, Instant now, Instant purgeAfter, @Nullable OutboxEntry owed) {
        requireTenant(tenant);
        return update(tenant.workspaceId(), owed,
                "SET #status = :deleted, deletedAt = :now, updatedAt = :now, purgeAfter = :purge, gsi2pk = :purgePk, gsi2sk = :purge",
                "#status = :active",
                Map.of("#status", "status"),
                Map.of(":deleted", AttributeValue.fromS(WorkspaceStatus.DELETED.name()),
                        ":active", AttributeValue.fromS(WorkspaceStatus.ACTIVE.name()),
                        ":now", AttributeValue.fromS(now.toString()),
                        ":purge", AttributeValue.fromS(WorkspaceItems.sortable(purgeAfter)),
                        ":purgePk", AttributeValue.fromS(WorkspaceItems.PURGE_PARTITION)));
    }

    /** Restores a deleted workspace whose grace period has not ended; empty otherwise. */
    public Optional<Workspace> restore(TenantContext tenant, Instant now, @Nullable OutboxEntry owed) {
        requireTenant(tenant);
        return update(tenant.workspaceId(), owed,
                "SET #status = :active, updatedAt = :nowText REMOVE deletedAt, purgeAfter, gsi2pk, gsi2sk",
                "#status = :deleted AND purgeAfter > :nowText",
                Map.of("#status", "status"),
                Map.of(":deleted", AttributeValue.fromS(WorkspaceStatus.DELETED.name()),
                        ":active", AttributeValue.fromS(WorkspaceStatus.ACTIVE.name()),
                        ":nowText", AttributeValue.fromS(WorkspaceItems.sortable(now))));
    }

    /** Makes {@code newOwnerId} the primary owner, provided {@code currentOwnerId} still is; empty otherwise. */
    public Optional<Workspace> changeOwner(TenantContext tenant, String currentOwnerId, String newOwnerId, Instant now) {
        requireTenant(tenant);
        return update(tenant.workspaceId(), null, "SET ownerId = :new, updatedAt = :now",
                "ownerId = :current AND #status = :active",
                Map.of("#status", "status"),
                Map.of(":new", AttributeValue.fromS(newOwnerId), ":current", AttributeValue.fromS(currentOwnerId),
                        ":now", AttributeValue.fromS(now.toString()),
                        ":active", AttributeValue.fromS(WorkspaceStatus.ACTIVE.name())));
    }

    /** Deleted workspaces whose grace period ended by {@code now}, oldest first, at most {@code limit}. */
    List<Workspace> duePurges(Instant now, int limit) {
        QueryResponse response = dynamo.query(r -> r.tableName(table.name()).indexName("gsi2")
                .keyConditionExpression("gsi2pk = :p AND gsi2sk <= :now")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(WorkspaceItems.PURGE_PARTITION),
                        ":now", AttributeValue.fromS(WorkspaceItems.sortable(now))))
                .limit(limit));
        List<Workspace> due = new ArrayList<>();
        response.items().forEach(item -> WorkspaceItems.read(item, now)
                .filter(w -> w.status() != WorkspaceStatus.ACTIVE).ifPresent(due::add));
        return due;
    }

    /**
     * Claims a due workspace for purging (DELETED → PURGING, never restorable again) and fixes the id of
     * its {@code workspace.purged} event, so a purge resumed after a crash publishes the same event.
     *
     * @return the event id, or empty if the workspace is not due (restored, or purged already)
     */
    Optional<String> claimForPurge(String workspaceId, Instant now, String candidateEventId) {
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(r -> r.tableName(table.name())
                    .key(WorkspaceItems.key(workspaceId))
                    .updateExpression("SET #status = :purging, purgeEventId = if_not_exists(purgeEventId, :event)")
                    .conditionExpression("(#status = :deleted AND purgeAfter <= :now) OR #status = :purging")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":purging", AttributeValue.fromS(WorkspaceStatus.PURGING.name()),
                            ":deleted", AttributeValue.fromS(WorkspaceStatus.DELETED.name()),
                            ":now", AttributeValue.fromS(WorkspaceItems.sortable(now)),
                            ":event", AttributeValue.fromS(candidateEventId)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return IdentityTable.string(after, "purgeEventId");
        } catch (ConditionalCheckFailedException notDue) {
            return Optional.empty();
        }
    }

    /** Deletes the workspace item itself, the last step of a purge. */
    void deleteWorkspaceItem(String workspaceId) {
        dynamo.deleteItem(r -> r.tableName(table.name()).key(WorkspaceItems.key(workspaceId)));
    }

    private Optional<Workspace> update(String workspaceId, @Nullable OutboxEntry owed, String expression, String condition,
                                       Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = owed == null ? names : owed.names(names);
        try {
            Map<String, AttributeValue> after = dynamo.updateItem(r -> r.tableName(table.name())
                    .key(WorkspaceItems.key(workspaceId))
                    .updateExpression(owed == null ? expression : owed.updateExpression(expression))
                    .conditionExpression("attribute_exists(pk) AND " + condition)
                    .expressionAttributeNames(allNames.isEmpty() ? null : allNames)
                    .expressionAttributeValues(owed == null ? values : owed.values(values))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return WorkspaceItems.read(after, clock.instant());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static void requireTenant(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("a workspace cannot be read or changed without a TenantContext");
        }
    }
}

package dev.penguinmails.identity.workspaces;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of a workspace's items in the identity table, in one place. Everything a workspace owns is
 * reachable from its id: the {@code WS#<id>} partition (the workspace item, memberships), the tenant
 * partitions {@code WS#<id>#<name>} listed in {@link #TENANT_PARTITIONS}, and the API keys indexed on
 * gsi1 under {@code WS#<id>#APIKEYS}. The purge relies on this list being complete.
 */
public final class WorkspaceItems {
    public static final String SK = "WORKSPACE";
    public static final String PURGE_PARTITION = "PURGE";
    /** Tenant partitions (relative to {@code WS#<id>#}) holding workspace data in the identity table. */
    public static final List<String> TENANT_PARTITIONS = List.of("AUDIT", "INVITATIONS");
    /** The gsi1 partition (relative to {@code WS#<id>#}) under which the workspace's API keys are indexed. */
    public static final String API_KEY_INDEX_PARTITION = "APIKEYS";

    private WorkspaceItems() { }

    public static Map<String, AttributeValue> key(String workspaceId) {
        return IdentityKeys.workspace(workspaceId);
    }

    public static String partition(String workspaceId) {
        return IdentityKeys.workspace(workspaceId).get(IdentityKeys.PK).s();
    }

    static Map<String, AttributeValue> newItem(String workspaceId, String name, String ownerId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(workspaceId));
        item.put("workspaceId", s(workspaceId));
        item.put("name", s(name));
        item.put("ownerId", s(ownerId));
        item.put("status", s(WorkspaceStatus.ACTIVE.name()));
        item.put("createdAt", s(now.toString()));
        item.put("updatedAt", s(now.toString()));
        return item;
    }

    static Optional<Workspace> read(@Nullable Map<String, AttributeValue> item, Instant now) {
        return IdentityTable.live(item, now).map(i -> new Workspace(
                str(i, "workspaceId").orElseGet(() -> i.get(IdentityKeys.PK).s().substring(3)),
                str(i, "name").orElse(""),
                str(i, "ownerId").orElse(""),
                str(i, "status").map(WorkspaceStatus::valueOf).orElse(WorkspaceStatus.ACTIVE),
                str(i, "createdAt").map(Instant::parse).orElse(Instant.EPOCH),
                str(i, "updatedAt").or(() -> str(i, "createdAt")).map(Instant::parse).orElse(Instant.EPOCH),
                str(i, "deletedAt").map(Instant::parse).orElse(null),
                str(i, "purgeAfter").map(Instant::parse).orElse(null)));
    }

    /**
     * An instant as stored where it is compared as text (purgeAfter, gsi2sk): whole seconds, so every
     * value has the same length and text order is time order.
     */
    static String sortable(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static Optional<String> str(Map<String, AttributeValue> item, String name) {
        return IdentityTable.string(item, name);
    }
}

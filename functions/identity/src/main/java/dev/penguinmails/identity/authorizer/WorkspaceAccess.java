package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.auth.AuthorizerContext;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Resolves the {@link TenantContext} of a request for the workspace in its path: a person's from their
 * membership, an API key's from the key's own workspace. Anything else (no such workspace, not a member,
 * a deleted workspace, a key of another workspace) is empty, so callers answer exactly as for a
 * workspace that does not exist.
 */
@Singleton
public class WorkspaceAccess {
    public static final String STATUS = "status";
    public static final String ACTIVE = "ACTIVE";
    public static final String ROLE = "role";
    private static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final Clock clock;

    public WorkspaceAccess(DynamoDbClient dynamo, IdentityTable table) {
        this(dynamo, table, Clock.systemUTC());
    }

    WorkspaceAccess(DynamoDbClient dynamo, IdentityTable table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** The person's context in {@code workspaceId}; deleted workspaces count only when {@code allowDeleted}. */
    public Optional<TenantContext> forUser(String workspaceId, String userId, boolean allowDeleted) {
        if (!isWorkspaceId(workspaceId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> wsKey = IdentityKeys.workspace(workspaceId);
        Map<String, AttributeValue> memberKey = IdentityKeys.member(workspaceId, userId);
        // One round trip for both; consistent, so a removal or demotion takes effect on the next request.
        BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder()
                .requestItems(Map.of(table.name(), KeysAndAttributes.builder()
                        .keys(List.of(wsKey, memberKey)).consistentRead(true).build()))
                .build());
        List<Map<String, AttributeValue>> items = response.responses().getOrDefault(table.name(), List.of());
        if (response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()) {
            // Throttled: fall back to plain reads rather than deny a legitimate member.
            items = List.of(get(wsKey), get(memberKey));
        }
        Instant now = clock.instant();
        Optional<Map<String, AttributeValue>> workspace = find(items, wsKey.get(IdentityKeys.SK).s(), now);
        Optional<Map<String, AttributeValue>> member = find(items, memberKey.get(IdentityKeys.SK).s(), now);
        if (workspace.isEmpty() || member.isEmpty() || !usable(workspace.get(), allowDeleted)) {
            return Optional.empty();
        }
        return IdentityTable.string(member.get(), ROLE).flatMap(Role::fromWire)
                .map(role -> TenantContext.user(workspaceId, userId, role));
    }

    /** The person's membership of {@code workspaceId} (read consistently), if the workspace is active or deleted. */
    public Optional<AuthorizerContext.Membership> membership(String workspaceId, String userId) {
        return forUser(workspaceId, userId, true).map(tenant -> new AuthorizerContext.Membership(tenant.role(),
                !isActive(workspaceId)));
    }

    /** The key's context in {@code workspaceId}: only its own workspace, and only while that is active. */
    public Optional<TenantContext> forApiKey(String workspaceId, ApiKeyGrant key) {
        if (!isWorkspaceId(workspaceId) || !workspaceId.equals(key.workspaceId()) || !isActive(workspaceId)) {
            return Optional.empty();
        }
        return Optional.of(TenantContext.apiKey(workspaceId, key.keyId(), key.scopes()));
    }

    /** Whether {@code workspaceId} exists and is ACTIVE (not deleted, not being purged). */
    public boolean isActive(String workspaceId) {
        return isWorkspaceId(workspaceId)
                && IdentityTable.live(get(IdentityKeys.workspace(workspaceId)), clock.instant())
                        .filter(ws -> usable(ws, false)).isPresent();
    }

    public static boolean isWorkspaceId(String value) {
        return value != null && WORKSPACE_ID.matcher(value).matches();
    }

    private static boolean usable(Map<String, AttributeValue> workspace, boolean allowDeleted) {
        String status = IdentityTable.string(workspace, STATUS).orElse("");
        return ACTIVE.equals(status) || (allowDeleted && "DELETED".equals(status));
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return dynamo.getItem(GetItemRequest.builder().tableName(table.name()).key(key).consistentRead(true).build()).item();
    }

    private static Optional<Map<String, AttributeValue>> find(List<Map<String, AttributeValue>> items, String sk, Instant now) {
        return items.stream()
                .filter(i -> i != null && i.get(IdentityKeys.SK) != null && sk.equals(i.get(IdentityKeys.SK).s()))
                .findFirst()
                .flatMap(i -> IdentityTable.live(i, now));
    }
}

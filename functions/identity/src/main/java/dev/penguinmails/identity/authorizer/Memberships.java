package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.shared.auth.AuthorizerContext;
import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import dev.penguinmails.shared.auth.Role;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * A person's workspaces and roles, for the authorizer's context: their memberships from the person index
 * (gsi1, newest workspaces first, at most {@link AuthorizerContext#MAX_MEMBERSHIPS}), each with whether its
 * workspace is deleted. Workspaces being purged, and memberships without a workspace, are left out.
 */
@Singleton
public class Memberships {
    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final Clock clock;

    public Memberships(DynamoDbClient dynamo, IdentityTable table) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = Clock.systemUTC();
    }

    /** Workspace id to membership, for {@code userId}. */
    public Map<String, Membership> of(String userId) {
        Instant now = clock.instant();
        Map<String, Role> roles = new LinkedHashMap<>();
        dynamo.query(q -> q.tableName(table.name()).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + userId),
                        ":prefix", AttributeValue.fromS("WS#")))
                .scanIndexForward(false)
                .limit(AuthorizerContext.MAX_MEMBERSHIPS))
                .items().stream()
                .flatMap(i -> IdentityTable.live(i, now).stream())
                .forEach(i -> IdentityTable.string(i, "role").flatMap(Role::fromWire).ifPresent(role ->
                        roles.put(i.get("gsi1sk").s().substring("WS#".length()), role)));
        if (roles.isEmpty()) {
            return Map.of();
        }
        Map<String, String> statuses = statuses(List.copyOf(roles.keySet()), now);
        Map<String, Membership> result = new LinkedHashMap<>();
        roles.forEach((workspaceId, role) -> Optional.ofNullable(statuses.get(workspaceId))
                .filter(s -> s.equals(WorkspaceAccess.ACTIVE) || s.equals("DELETED"))
                .ifPresent(s -> result.put(workspaceId, new Membership(role, s.equals("DELETED")))));
        return result;
    }

    private Map<String, String> statuses(List<String> workspaceIds, Instant now) {
        Map<String, String> statuses = new LinkedHashMap<>();
        // BatchGetItem takes 100 keys, which is exactly the cap on memberships.
        Map<String, KeysAndAttributes> pending = Map.of(table.name(), KeysAndAttributes.builder()
                .keys(workspaceIds.stream().map(IdentityKeys::workspace).toList())
                .projectionExpression("pk, #status, " + IdentityTable.EXPIRES_AT)
                .expressionAttributeNames(Map.of("#status", WorkspaceAccess.STATUS))
                .build());
        while (!pending.isEmpty()) {
            BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
            response.responses().getOrDefault(table.name(), List.of()).stream()
                    .flatMap(i -> IdentityTable.live(i, now).stream())
                    .forEach(i -> statuses.put(i.get(IdentityKeys.PK).s().substring("WS#".length()),
                            IdentityTable.string(i, WorkspaceAccess.STATUS).orElse("")));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return statuses;
    }
}

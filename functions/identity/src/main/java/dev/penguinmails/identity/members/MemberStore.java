package dev.penguinmails.identity.members;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import io.micronaut.core.annotation.Nullable;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Memberships in the identity table: {@code pk WS#<workspaceId>, sk MEMBER#<userId>} with the role, and
 * indexed on gsi1 by person ({@code gsi1pk USER#<userId>, gsi1sk WS#<workspaceId>}) so that a person's
 * workspaces are one query. Reads and changes inside a workspace take its {@link TenantContext}.
 */
@Singleton
public class MemberStore {
    static final String SK_PREFIX = "MEMBER#";
    private static final String GSI1 = "gsi1";

    private final IdentityOutbox outbox;
    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final CursorCodec cursors;
    private final Clock clock;

    public MemberStore(DynamoDbClient dynamo, IdentityTable table, CursorCodec cursors, IdentityOutbox outbox) {
        this.outbox = outbox;
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
        this.clock = Clock.systemUTC();
    }

    /**
     * Makes {@code userId} a member of {@code workspaceId} with {@code role}, unless they already are.
     *
     * @return true if the membership was created, false if one existed (it is left as it was)
     */
    public boolean add(String workspaceId, String userId, Role role, Instant joinedAt) {
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.member(workspaceId, userId));
        item.put("workspaceId", AttributeValue.fromS(workspaceId));
        item.put("userId", AttributeValue.fromS(userId));
        item.put("role", AttributeValue.fromS(role.wireName()));
        item.put("joinedAt", AttributeValue.fromS(joinedAt.toString()));
        item.put("gsi1pk", AttributeValue.fromS("USER#" + userId));
        item.put("gsi1sk", AttributeValue.fromS("WS#" + workspaceId));
        try {
            dynamo.putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<Member> get(TenantContext tenant, String userId) {
        requireTenant(tenant);
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table.name())
                .key(IdentityKeys.member(tenant.workspaceId(), userId)).consistentRead(true)).item();
        return IdentityTable.live(item, clock.instant()).map(MemberStore::read);
    }

    /** One page of the workspace's members, ordered by user id. */
    public Page<Member> list(TenantContext tenant, PageRequest page) {
        requireTenant(tenant);
        String scope = "members|" + tenant.workspaceId();
        QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", pk(tenant), ":prefix", AttributeValue.fromS(SK_PREFIX)))
                .consistentRead(true)
                .limit(page.limit());
        if (page.cursor() != null) {
            query.exclusiveStartKey(cursors.decode(page.cursor(), scope));
        }
        QueryResponse response = dynamo.query(query.build());
        Instant now = clock.instant();
        List<Member> members = response.items().stream()
                .flatMap(i -> IdentityTable.live(i, now).stream()).map(MemberStore::read).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(members, next);
    }

    /** Every owner of the workspace (a workspace has few members, so this reads them all). */
    public List<Member> owners(TenantContext tenant) {
        List<Member> owners = new ArrayList<>();
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<Member> members = list(tenant, page);
            members.items().stream().filter(m -> m.role() == Role.OWNER).forEach(owners::add);
            if (!members.hasNext()) {
                return owners;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, members.nextCursor());
        }
    }

    /**
     * Changes a member's role, provided it is still {@code expected} (someone else may have changed it).
     *
     * @throws ProblemException 409 if the member is gone or their role changed meanwhile
     */
    public Member changeRole(TenantContext tenant, String userId, Role expected, Role role) {
        return changeRole(tenant, userId, expected, role, null);
    }

    /** As {@link #changeRole(TenantContext, String, Role, Role)}, the membership carrying {@code owed} in its outbox. */
    public Member changeRole(TenantContext tenant, String userId, Role expected, Role role, @Nullable OutboxEntry owed) {
        requireTenant(tenant);
        Map<String, String> names = Map.of("#role", "role");
        Map<String, AttributeValue> values = Map.of(":role", AttributeValue.fromS(role.wireName()),
                ":expected", AttributeValue.fromS(expected.wireName()));
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(r -> r.tableName(table.name())
                    .key(IdentityKeys.member(tenant.workspaceId(), userId))
                    .updateExpression(owed == null ? "SET #role = :role" : owed.updateExpression("SET #role = :role"))
                    .conditionExpression("#role = :expected")
                    .expressionAttributeNames(owed == null ? names : owed.names(names))
                    .expressionAttributeValues(owed == null ? values : owed.values(values))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return read(updated);
        } catch (ConditionalCheckFailedException e) {
            throw changedMeanwhile();
        }
    }

    /**
     * Removes a membership, provided the role is still {@code expected}; false if it was already gone. What
     * the membership still owed (e.g. the event of a role change the bus refused) moves to the workspace item.
     */
    public boolean remove(TenantContext tenant, String userId, Role expected) {
        requireTenant(tenant);
        try {
            Map<String, AttributeValue> removed = dynamo.deleteItem(r -> r.tableName(table.name())
                    .key(IdentityKeys.member(tenant.workspaceId(), userId))
                    .conditionExpression("attribute_not_exists(pk) OR #role = :expected")
                    .expressionAttributeNames(Map.of("#role", "role"))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromS(expected.wireName())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            outbox.rehomeFromDeleted(removed, tenant.workspaceId());
            return true;
        } catch (ConditionalCheckFailedException e) {
            throw changedMeanwhile();
        }
    }

    /** One page of a person's memberships, across workspaces, in workspace-id (creation) order. */
    public Page<Member> forUser(String userId, PageRequest page) {
        Objects.requireNonNull(userId, "userId");
        String scope = "memberships|" + userId;
        QueryRequest.Builder query = QueryRequest.builder().tableName(table.name()).indexName(GSI1)
                .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + userId),
                        ":prefix", AttributeValue.fromS("WS#")))
                .limit(page.limit());
        if (page.cursor() != null) {
            query.exclusiveStartKey(cursors.decode(page.cursor(), scope));
        }
        QueryResponse response = dynamo.query(query.build());
        Instant now = clock.instant();
        List<Member> members = response.items().stream()
                .flatMap(i -> IdentityTable.live(i, now).stream())
                .filter(i -> i.containsKey("role"))
                .map(MemberStore::read).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(members, next);
    }

    static Member read(Map<String, AttributeValue> item) {
        String sk = item.get(IdentityKeys.SK).s();
        String pk = item.get(IdentityKeys.PK).s();
        return new Member(
                IdentityTable.string(item, "workspaceId").orElse(pk.substring("WS#".length())),
                IdentityTable.string(item, "userId").orElse(sk.substring(SK_PREFIX.length())),
                IdentityTable.string(item, "role").flatMap(Role::fromWire).orElse(Role.VIEWER),
                IdentityTable.string(item, "joinedAt").map(Instant::parse).orElse(Instant.EPOCH));
    }

    private static AttributeValue pk(TenantContext tenant) {
        return IdentityKeys.workspace(tenant.workspaceId()).get(IdentityKeys.PK);
    }

    private static ProblemException changedMeanwhile() {
        return ProblemException.conflict("This membership was changed meanwhile; reload the members and try again.");
    }

    private static void requireTenant(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("memberships cannot be read or changed without a TenantContext");
        }
    }
}

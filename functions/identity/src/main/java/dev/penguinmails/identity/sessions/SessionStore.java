package dev.penguinmails.identity.sessions;

import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.s;
import static dev.penguinmails.identity.accounts.Items.time;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.Items;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.identity.authorizer.SessionCheck;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Login sessions ({@code USER#<id> / SESSION#<id>}, attributes every function's session check reads:
 * {@code status}, {@code familyId}, {@code expiresAt}). A session expires with its refresh tokens, 30
 * days after sign-in; revoked ones are kept until then, for the record.
 */
@Singleton
public class SessionStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final SessionCheck sessionCheck;
    private final Clock clock = Clock.systemUTC();

    public SessionStore(DynamoDbClient dynamo, IdentityTable table, SessionCheck sessionCheck) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.sessionCheck = sessionCheck;
    }

    public void create(Session session) {
        Map<String, AttributeValue> item = new HashMap<>(IdentityKeys.session(session.userId(), session.sessionId()));
        item.put("userId", s(session.userId()));
        item.put("sessionId", s(session.sessionId()));
        // One refresh-token family per session: reuse anywhere in it revokes exactly this session.
        item.put("familyId", s(session.sessionId()));
        item.put("status", s(session.status().name()));
        item.put("createdAt", time(session.createdAt()));
        item.put("lastUsedAt", time(session.lastUsedAt()));
        item.put(AccountKeys.EXPIRES_AT, epochSeconds(session.expiresAt()));
        item.put("ip", s(session.ip()));
        item.put("userAgent", s(session.userAgent()));
        item.put("device", s(session.device()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /** The session, unless absent or expired (revoked ones are returned, with their status). */
    public Optional<Session> find(String userId, String sessionId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(IdentityKeys.session(userId, sessionId)).consistentRead(true)).item();
        return Items.isGone(item, clock.instant()) ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Records a use of the session (a refresh) and where it came from. */
    public void touch(String userId, String sessionId, ClientInfo client) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(IdentityKeys.session(userId, sessionId))
                    .updateExpression("SET lastUsedAt = :now, ip = :ip, userAgent = :ua")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":now", time(clock.instant()), ":ip", s(client.ip()),
                            ":ua", s(client.userAgent()))));
        } catch (ConditionalCheckFailedException gone) {
            // Expired and deleted between the check and now; the caller already holds new tokens.
        }
    }

    /** Revokes one session; true if it was active. Access tokens of it stop working at once here. */
    public boolean revoke(String userId, String sessionId, String reason) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(IdentityKeys.session(userId, sessionId))
                    .updateExpression("SET #status = :revoked, revokedAt = :now, revokedReason = :reason")
                    .conditionExpression("attribute_exists(pk) AND #status = :active AND expiresAt > :epoch")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":revoked", s(SessionStatus.REVOKED.name()),
                            ":active", s(SessionStatus.ACTIVE.name()), ":now", time(now), ":reason", s(reason),
                            ":epoch", epochSeconds(now))));
            return true;
        } catch (ConditionalCheckFailedException notActive) {
            return false;
        } finally {
            sessionCheck.forget(userId, sessionId);
        }
    }

    /** Revokes every active session of the user; returns how many were. */
    public int revokeAll(String userId, String reason) {
        return revokeAllExcept(userId, null, reason);
    }

    /** Revokes every active session of the user but {@code keptSessionId} (none when null); returns how many were. */
    public int revokeAllExcept(String userId, @Nullable String keptSessionId, String reason) {
        int revoked = 0;
        for (Session session : active(userId)) {
            if (!session.sessionId().equals(keptSessionId) && revoke(userId, session.sessionId(), reason)) {
                revoked++;
            }
        }
        return revoked;
    }

    /** The user's active sessions, most recently used first. A person has few, so this reads them all. */
    public List<Session> active(String userId) {
        Instant now = clock.instant();
        List<Session> sessions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(AccountKeys.userPartition(userId)),
                            ":prefix", s(AccountKeys.SESSION_PREFIX)))
                    .consistentRead(true);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().stream().filter(i -> !Items.isGone(i, now)).map(SessionStore::fromItem)
                    .filter(s -> s.isActive(now)).forEach(sessions::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        sessions.sort(Comparator.comparing(Session::lastUsedAt).reversed());
        return sessions;
    }

    static Session fromItem(Map<String, AttributeValue> item) {
        return new Session(
                Items.requiredString(item, "userId"),
                Items.requiredString(item, "sessionId"),
                SessionStatus.valueOf(Items.requiredString(item, "status")),
                Items.instant(item, "createdAt").orElseThrow(),
                Items.instant(item, "lastUsedAt").orElseThrow(),
                Instant.ofEpochSecond(Items.number(item, AccountKeys.EXPIRES_AT).orElseThrow()),
                Items.string(item, "ip").orElse(ClientInfo.UNKNOWN),
                Items.string(item, "userAgent").orElse(ClientInfo.UNKNOWN),
                Items.string(item, "device").orElse("Unknown device"),
                Items.instant(item, "revokedAt").orElse(null),
                Items.string(item, "revokedReason").orElse(null));
    }
}

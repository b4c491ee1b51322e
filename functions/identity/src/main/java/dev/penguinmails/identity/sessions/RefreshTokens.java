package dev.penguinmails.identity.sessions;

import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.s;
import static dev.penguinmails.identity.accounts.Items.time;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.Items;
import dev.penguinmails.shared.auth.IdentityTable;
import dev.penguinmails.shared.auth.SecretHash;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Rotating refresh tokens: 256 random bits, stored as SHA-256 ({@code REFRESH#<hash>}) with the session
 * they belong to. Each refresh marks the presented token USED and issues the next one. A USED token
 * coming back means it was copied: the whole session (the token family) is revoked, for the thief and
 * the owner alike, and both must sign in again.
 */
@Singleton
public class RefreshTokens {
    static final String CURRENT = "CURRENT";
    static final String USED = "USED";
    public static final String REUSE_REASON = "refresh-token-reuse";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final DynamoDbClient dynamo;
    private final String table;
    private final SessionStore sessions;
    private final Clock clock = Clock.systemUTC();

    public RefreshTokens(DynamoDbClient dynamo, IdentityTable table, SessionStore sessions) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.sessions = sessions;
    }

    /** A new refresh token for {@code session}, valid until the session expires. */
    public String issue(Session session) {
        String raw = SecretHash.randomSecret(32);
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.refreshToken(SecretHash.sha256Hex(raw)));
        item.put("userId", s(session.userId()));
        item.put("sessionId", s(session.sessionId()));
        item.put("status", s(CURRENT));
        item.put("issuedAt", time(clock.instant()));
        item.put(AccountKeys.EXPIRES_AT, epochSeconds(session.expiresAt()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        return raw;
    }

    /** Exchanges a refresh token for the next one. */
    public Rotation rotate(String raw, ClientInfo client) {
        if (raw == null || !SHAPE.matcher(raw).matches()) {
            return new Rotation.Invalid();
        }
        String hash = SecretHash.sha256Hex(raw);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(AccountKeys.refreshToken(hash))
                .consistentRead(true)).item();
        if (Items.isGone(item, now)) {
            return new Rotation.Invalid();
        }
        String userId = Items.requiredString(item, "userId");
        String sessionId = Items.requiredString(item, "sessionId");
        if (USED.equals(Items.string(item, "status").orElse(""))) {
            return reused(userId, sessionId);
        }
        Optional<Session> session = sessions.find(userId, sessionId).filter(s -> s.isActive(now));
        if (session.isEmpty()) {
            return new Rotation.Invalid();
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.refreshToken(hash))
                    .updateExpression("SET #status = :used, usedAt = :now")
                    .conditionExpression("#status = :current")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":used", s(USED), ":current", s(CURRENT), ":now", time(now))));
        } catch (ConditionalCheckFailedException raced) {
            // Another request used this very token first: one of the two holders is not the owner.
            return reused(userId, sessionId);
        }
        String next = issue(session.get());
        sessions.touch(userId, sessionId, client);
        return new Rotation.Rotated(session.get(), next);
    }

    private Rotation reused(String userId, String sessionId) {
        boolean wasActive = sessions.revoke(userId, sessionId, REUSE_REASON);
        return new Rotation.Reused(userId, sessionId, wasActive);
    }

    /** The outcome of {@link #rotate}. */
    public sealed interface Rotation {
        /** The token was current: here is the next one. */
        record Rotated(Session session, String refreshToken) implements Rotation { }

        /** The token had been used before: its session is revoked ({@code revokedNow} if this call did it). */
        record Reused(String userId, String sessionId, boolean revokedNow) implements Rotation { }

        /** Unknown, expired, or its session is over. */
        record Invalid() implements Rotation { }
    }
}

package dev.penguinmails.identity.sessions;

import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.s;
import static dev.penguinmails.identity.accounts.Items.time;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.Items;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.identity.tokens.SecretHash;
import jakarta.inject.Singleton;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Rotating refresh tokens: 256 random bits, stored as SHA-256 ({@code REFRESH#<hash>}) with the session
 * they belong to. Each refresh marks the presented token USED and issues the next one.
 *
 * <p>Within a short grace window after that ({@code penguinmails.auth.refresh-reuse-grace}, default 20 s),
 * the same token presented again gets the very pair the first refresh handed out: two browser tabs that
 * refresh together both carry on with one session. The pair is kept beside the used token, sealed under a
 * key only that token yields ({@link SealedSuccessor}). Outside the window, a USED token coming back means
 * it was copied: the whole session (the token family) is revoked, for the thief and the owner alike.
 */
@Singleton
public class RefreshTokens {
    static final String CURRENT = "CURRENT";
    static final String USED = "USED";
    static final String SUCCESSOR = "successor";
    public static final String REUSE_REASON = "refresh-token-reuse";
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokens.class);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final DynamoDbClient dynamo;
    private final String table;
    private final SessionStore sessions;
    private final JsonMapper json;
    private final Duration reuseGrace;
    private final Clock clock = Clock.systemUTC();

    public RefreshTokens(DynamoDbClient dynamo, IdentityTable table, SessionStore sessions, JsonMapper json,
                         AuthSettings settings) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.sessions = sessions;
        this.json = json;
        this.reuseGrace = settings.refreshReuseGrace();
    }

    /** How long after a refresh the same token still answers with the same pair. */
    public Duration reuseGrace() {
        return reuseGrace;
    }

    /** A new refresh token for {@code session}, valid until the session expires. */
    public String issue(Session session) {
        String raw = SecretHash.randomSecret(32);
        store(raw, session);
        return raw;
    }

    private void store(String raw, Session session) {
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.refreshToken(SecretHash.sha256Hex(raw)));
        item.put("userId", s(session.userId()));
        item.put("sessionId", s(session.sessionId()));
        item.put("status", s(CURRENT));
        item.put("issuedAt", time(clock.instant()));
        item.put(AccountKeys.EXPIRES_AT, epochSeconds(session.expiresAt()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /**
     * Exchanges a refresh token for the next pair, which {@code pairFor} mints from the session and the next
     * refresh token (it may throw to refuse; then nothing is written).
     */
    public Rotation rotate(String raw, ClientInfo client, BiFunction<Session, String, TokenResponse> pairFor) {
        if (raw == null || !SHAPE.matcher(raw).matches()) {
            return new Rotation.Invalid();
        }
        String hash = SecretHash.sha256Hex(raw);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = read(hash);
        if (Items.isGone(item, now)) {
            return new Rotation.Invalid();
        }
        String userId = Items.requiredString(item, "userId");
        String sessionId = Items.requiredString(item, "sessionId");
        if (USED.equals(Items.string(item, "status").orElse(""))) {
            return repeatOrRevoke(raw, hash, item, now);
        }
        Optional<Session> session = sessions.find(userId, sessionId).filter(s -> s.isActive(now));
        if (session.isEmpty()) {
            return new Rotation.Invalid();
        }
        String next = SecretHash.randomSecret(32);
        TokenResponse pair = pairFor.apply(session.get(), next);
        // The next token exists before the old one points at it; a crash in between leaves an unknown token.
        store(next, session.get());
        try {
            dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.refreshToken(hash))
                    .updateExpression("SET #status = :used, usedAt = :now, #successor = :successor")
                    .conditionExpression("#status = :current")
                    .expressionAttributeNames(Map.of("#status", "status", "#successor", SUCCESSOR))
                    .expressionAttributeValues(Map.of(":used", s(USED), ":current", s(CURRENT), ":now", time(now),
                            ":successor", AttributeValue.fromB(SdkBytes.fromByteArray(
                                    SealedSuccessor.seal(raw, hash, write(pair)))))));
        } catch (ConditionalCheckFailedException raced) {
            // Another request used this very token first: a parallel tab gets that request's pair.
            dynamo.deleteItem(r -> r.tableName(table).key(AccountKeys.refreshToken(SecretHash.sha256Hex(next))));
            return repeatOrRevoke(raw, hash, read(hash), clock.instant());
        }
        sessions.touch(userId, sessionId, client);
        return new Rotation.Rotated(session.get(), pair);
    }

    /** A used token: the pair it was exchanged for while the grace window lasts, else the session ends. */
    private Rotation repeatOrRevoke(String raw, String hash, Map<String, AttributeValue> item, Instant now) {
        String userId = Items.requiredString(item, "userId");
        String sessionId = Items.requiredString(item, "sessionId");
        Optional<Instant> usedAt = Items.instant(item, "usedAt");
        AttributeValue sealed = item.get(SUCCESSOR);
        if (usedAt.isPresent() && now.isBefore(usedAt.get().plus(reuseGrace)) && sealed != null && sealed.b() != null) {
            Optional<Session> session = sessions.find(userId, sessionId).filter(s -> s.isActive(now));
            Optional<TokenResponse> pair = SealedSuccessor.open(raw, hash, sealed.b().asByteArray()).map(this::read);
            if (session.isPresent() && pair.isPresent()) {
                LOG.info("Refresh token of session {} presented again within the grace window: same pair", sessionId);
                return new Rotation.Rotated(session.get(), pair.get());
            }
            if (session.isEmpty()) {
                return new Rotation.Invalid();
            }
        }
        boolean wasActive = sessions.revoke(userId, sessionId, REUSE_REASON);
        return new Rotation.Reused(userId, sessionId, wasActive);
    }

    private Map<String, AttributeValue> read(String hash) {
        return dynamo.getItem(r -> r.tableName(table).key(AccountKeys.refreshToken(hash)).consistentRead(true)).item();
    }

    private byte[] write(TokenResponse pair) {
        try {
            return json.writeValueAsBytes(pair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TokenResponse read(byte[] pair) {
        try {
            return json.readValue(pair, TokenResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of {@link #rotate}. */
    public sealed interface Rotation {
        /** The token was current (or used moments ago, by a parallel request): here is the pair. */
        record Rotated(Session session, TokenResponse tokens) implements Rotation { }

        /** The token had been used before the grace window: its session is revoked ({@code revokedNow} if this call did it). */
        record Reused(String userId, String sessionId, boolean revokedNow) implements Rotation { }

        /** Unknown, expired, or its session is over. */
        record Invalid() implements Rotation { }
    }
}

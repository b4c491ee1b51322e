package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.accesstokens.InvalidTokenException;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.identity.tokens.SecretHash;


import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Verifies API keys ({@code pmk_<keyId>_<secret>}) against the identity table: the stored SHA-256 must
 * match (compared in constant time), and the key must be neither revoked nor past {@code validUntil}.
 * Also records when a key was last used, at most once a minute per key.
 */
@Singleton
public class ApiKeyAuthenticator {
    public static final String WORKSPACE_ID = "workspaceId";
    public static final String SECRET_HASH = "secretHash";
    public static final String SCOPES = "scopes";
    public static final String VALID_UNTIL = "validUntil";
    public static final String REVOKED_AT = "revokedAt";
    public static final String RATE_LIMIT_PER_MINUTE = "rateLimitPerMinute";
    public static final String LAST_USED_AT = "lastUsedAt";
    static final int DEFAULT_RATE_LIMIT = 600;
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
    private static final String NOT_VALID = "The API key is not valid.";

    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final Clock clock;
    private final Duration lastUsedInterval;
    // When this process last wrote lastUsedAt per key: spares even the conditional write most of the time.
    private final Map<String, Long> lastTouched = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(DynamoDbClient dynamo, IdentityTable table, AuthorizerSettings settings) {
        this(dynamo, table, settings.apiKeyLastUsedInterval(), Clock.systemUTC());
    }

    ApiKeyAuthenticator(DynamoDbClient dynamo, IdentityTable table, Duration lastUsedInterval, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.lastUsedInterval = lastUsedInterval;
        this.clock = clock;
    }

    /**
     * The grant of a valid key.
     *
     * @throws InvalidTokenException (safe to show) when the key is malformed, unknown, wrong, revoked or expired
     */
    public ApiKeyGrant authenticate(String bearer) {
        ApiKeyCredential credential = ApiKeyCredential.parse(bearer)
                .orElseThrow(() -> new InvalidTokenException(NOT_VALID));
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table.name())
                .key(IdentityKeys.apiKey(credential.keyId()))
                .consistentRead(true)
                .build()).item();
        Instant now = clock.instant();
        Map<String, AttributeValue> live = IdentityTable.live(item, now)
                .orElseThrow(() -> new InvalidTokenException(NOT_VALID));
        String storedHash = IdentityTable.string(live, SECRET_HASH).orElse("");
        if (!SecretHash.matches(credential.token(), storedHash)) {
            throw new InvalidTokenException(NOT_VALID);
        }
        // Only a caller who holds the whole key learns why it stopped working.
        if (live.containsKey(REVOKED_AT)) {
            throw new InvalidTokenException("The API key has been revoked.");
        }
        if (IdentityTable.number(live, VALID_UNTIL).filter(until -> until <= now.getEpochSecond()).isPresent()) {
            throw new InvalidTokenException("The API key has expired.");
        }
        String workspaceId = IdentityTable.string(live, WORKSPACE_ID)
                .orElseThrow(() -> new InvalidTokenException(NOT_VALID));
        AttributeValue scopes = live.get(SCOPES);
        Set<String> granted = scopes == null || !scopes.hasSs() ? Set.of() : new HashSet<>(scopes.ss());
        int limit = IdentityTable.number(live, RATE_LIMIT_PER_MINUTE).map(Long::intValue)
                .filter(n -> n > 0).orElse(DEFAULT_RATE_LIMIT);
        return new ApiKeyGrant(credential.keyId(), workspaceId, granted, limit,
                IdentityTable.number(live, VALID_UNTIL).orElse(0L));
    }

    /**
     * Records that {@code keyId} was used now, unless that was already recorded within the last
     * interval: one conditional write per key per minute, whichever Lambda instance makes it.
     */
    public void recordUse(String keyId) {
        long now = clock.instant().getEpochSecond();
        long intervalSeconds = Math.max(1, lastUsedInterval.toSeconds());
        Long previous = lastTouched.get(keyId);
        if (previous != null && now - previous < intervalSeconds) {
            return;
        }
        lastTouched.put(keyId, now);
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table.name())
                    .key(IdentityKeys.apiKey(keyId))
                    .updateExpression("SET #used = :now")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(#used) OR #used <= :before)")
                    .expressionAttributeNames(Map.of("#used", LAST_USED_AT))
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromN(Long.toString(now)),
                            ":before", AttributeValue.fromN(Long.toString(now - intervalSeconds))))
                    .build());
        } catch (ConditionalCheckFailedException recentEnough) {
            // Another instance recorded a use within the interval: nothing to do.
        } catch (SdkException e) {
            // Last-used time is informative; failing the caller's request over it would be worse.
            LOG.warn("Could not record the last use of API key {}", keyId, e);
        }
    }
}

package dev.penguinmails.shared.idempotency;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records in DynamoDB (table {@code penguinmails.idempotency.table}, standard pk/sk layout).
 * A request claims its key with a conditional put (state IN_PROGRESS and a lease); the answer then
 * replaces the claim and is kept for {@code penguinmails.idempotency.ttl} (default 24 h, TTL attribute
 * {@code expiresAt}; see {@link IdempotencySettings}). An expired record, or a claim whose lease ran out
 * (the Lambda died mid-request), counts as absent. No transactions: each step is one conditional single-item
 * write.
 */
@Singleton
@Requires(property = IdempotencyStore.TABLE_PROPERTY)
public class IdempotencyStore {
    public static final String TABLE_PROPERTY = "penguinmails.idempotency.table";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final String SORT_KEY = "IDEMPOTENCY";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";
    private static final int CLAIM_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration lease;
    private final Duration ttl;
    private final Clock clock;

    @Inject
    public IdempotencyStore(DynamoDbClient dynamo,
                            @Value("${" + TABLE_PROPERTY + "}") String table,
                            IdempotencySettings settings) {
        this(dynamo, table, settings.lease(), settings.ttl(), Clock.systemUTC());
    }

    public IdempotencyStore(DynamoDbClient dynamo, String table, Duration lease, Duration ttl, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.lease = lease;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Claims {@code key} within {@code scope} (caller, method and path) for a request whose body
     * fingerprint ({@link RequestFingerprints}) is {@code requestHash}, or reports why it cannot.
     */
    public Claim claim(String scope, String key, String requestHash) {
        Map<String, AttributeValue> id = recordKey(scope, key);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            String token = UUID.randomUUID().toString();
            long nowMillis = clock.millis();
            Map<String, AttributeValue> item = new HashMap<>(id);
            item.put("state", AttributeValue.fromS(IN_PROGRESS));
            item.put("requestHash", AttributeValue.fromS(requestHash));
            item.put("token", AttributeValue.fromS(token));
            item.put("leaseUntil", number(nowMillis + lease.toMillis()));
            item.put("expiresAt", number((nowMillis + ttl.toMillis()) / 1000));
            try {
                dynamo.putItem(r -> r.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :nowSeconds"
                                + " OR (#state = :inProgress AND leaseUntil <= :nowMillis)")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":nowSeconds", number(nowMillis / 1000),
                                ":nowMillis", number(nowMillis), ":inProgress", AttributeValue.fromS(IN_PROGRESS))));
                return new Claim.Acquired(token);
            } catch (ConditionalCheckFailedException taken) {
                Optional<Claim> existing = existing(id, requestHash);
                if (existing.isPresent()) {
                    return existing.get();
                }
                // It expired or its lease ran out between our put and our read: try to claim again.
            }
        }
        return new Claim.InProgress();
    }

    /** Stores the answer for a claim we hold; a claim lost to lease expiry is left to its new owner. */
    public void complete(String scope, String key, String token, String requestHash, StoredResponse response) {
        long nowMillis = clock.millis();
        Map<String, AttributeValue> item = new HashMap<>(recordKey(scope, key));
        item.put("state", AttributeValue.fromS(COMPLETED));
        item.put("requestHash", AttributeValue.fromS(requestHash));
        item.put("token", AttributeValue.fromS(token));
        item.put("expiresAt", number((nowMillis + ttl.toMillis()) / 1000));
        item.put("statusCode", number(response.status()));
        if (response.body().length > 0) {
            // Older emulators reject empty binary attributes; absent means empty on read.
            item.put("body", AttributeValue.fromB(SdkBytes.fromByteArray(response.body())));
        }
        if (response.contentType() != null) {
            item.put("contentType", AttributeValue.fromS(response.contentType()));
        }
        if (!response.headers().isEmpty()) {
            Map<String, AttributeValue> headers = new HashMap<>();
            response.headers().forEach((name, value) -> headers.put(name, AttributeValue.fromS(value)));
            item.put("headers", AttributeValue.fromM(headers));
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#token", "token"))
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(token))));
        } catch (ConditionalCheckFailedException lost) {
            LOG.warn("Idempotency claim was taken over before the response could be stored");
        }
    }

    /** Gives up a claim we hold (the request failed with a 5xx), so that a retry may run. */
    public void release(String scope, String key, String token) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(recordKey(scope, key)).conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#token", "token"))
                    .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(token))));
        } catch (ConditionalCheckFailedException lost) {
            LOG.debug("Idempotency claim was already gone or taken over");
        }
    }

    private Optional<Claim> existing(Map<String, AttributeValue> id, String requestHash) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(id).consistentRead(true)).item();
        long nowMillis = clock.millis();
        if (item == null || item.isEmpty() || longOf(item, "expiresAt") <= nowMillis / 1000) {
            return Optional.empty();
        }
        boolean inProgress = IN_PROGRESS.equals(item.get("state").s());
        if (inProgress && longOf(item, "leaseUntil") <= nowMillis) {
            return Optional.empty();
        }
        if (!requestHash.equals(item.get("requestHash").s())) {
            return Optional.of(new Claim.Mismatch());
        }
        if (inProgress) {
            return Optional.of(new Claim.InProgress());
        }
        return Optional.of(new Claim.Completed(new StoredResponse((int) longOf(item, "statusCode"),
                Optional.ofNullable(item.get("contentType")).map(AttributeValue::s).orElse(null),
                Optional.ofNullable(item.get("body")).map(b -> b.b().asByteArray()).orElse(new byte[0]),
                storedHeaders(item))));
    }

    /** The kept headers; records written before headers were kept hold only {@code location}. */
    private static Map<String, String> storedHeaders(Map<String, AttributeValue> item) {
        Map<String, String> headers = new HashMap<>();
        Optional.ofNullable(item.get("location")).ifPresent(l -> headers.put("Location", l.s()));
        Optional.ofNullable(item.get("headers")).ifPresent(h -> h.m().forEach((name, value) -> headers.put(name, value.s())));
        return headers;
    }

    /** Record keys hash the scope and key: bounded length, and the caller's key text is not stored as-is. */
    private static Map<String, AttributeValue> recordKey(String scope, String key) {
        return Map.of("pk", AttributeValue.fromS("IDEMPOTENCY#" + sha256(scope + "\n" + key)),
                "sk", AttributeValue.fromS(SORT_KEY));
    }

    /** The base64url SHA-256 of {@code value}; request bodies are hashed with a key instead ({@link RequestFingerprints}). */
    public static String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Long.MAX_VALUE : Long.parseLong(value.n());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

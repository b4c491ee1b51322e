package dev.penguinmails.events.consume;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Which events each consumer has processed, so that a redelivered event takes effect once. One item
 * per consumer and event: {@code pk = CONSUMED#<consumer>#<eventId>}, {@code sk = -}; {@code status}
 * IN_PROGRESS with a lease (so a crashed attempt's claim can be taken over) or DONE; a claim token so
 * only its holder can finish or release it; TTL {@code expiresAt} 30 days on. DynamoDB deletes expired
 * items lazily (and dynalite not at all), so an item past {@code expiresAt} counts as absent.
 */
@Singleton
public class ConsumedEventStore {
    /** How long a processed event is remembered: longer than SQS keeps any message (14 days). */
    public static final Duration RETENTION = Duration.ofDays(30);
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String DONE = "DONE";

    private static final String CLAIMABLE = "attribute_not_exists(pk)"
            + " OR (#status = :inProgress AND leaseExpiresAt < :nowMillis)"
            + " OR expiresAt < :nowSeconds";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    @Inject
    public ConsumedEventStore(DynamoDbClient dynamo, @Property(name = "penguinmails.idempotency.table") String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public ConsumedEventStore(DynamoDbClient dynamo, String table, Clock clock) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("property penguinmails.idempotency.table (the idempotency table) is not set");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Claims {@code eventId} for {@code consumer} for {@code lease}, unless it is done or held by another. */
    public Claim claim(String consumer, String eventId, Duration lease) {
        // Two rounds: a claim can be released between our failed put and our read; then the retry wins.
        for (int round = 0; ; round++) {
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(lease);
            String token = UUID.randomUUID().toString();
            Map<String, AttributeValue> item = new HashMap<>(key(consumer, eventId));
            item.put("status", s(IN_PROGRESS));
            item.put("claimToken", s(token));
            item.put("leaseExpiresAt", n(leaseUntil.toEpochMilli()));
            item.put("expiresAt", n(now.plus(RETENTION).getEpochSecond()));
            item.put("claimedAt", s(now.toString()));
            item.put("consumer", s(consumer));
            item.put("eventId", s(eventId));
            try {
                dynamo.putItem(PutItemRequest.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression(CLAIMABLE)
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":inProgress", s(IN_PROGRESS),
                                ":nowMillis", n(now.toEpochMilli()),
                                ":nowSeconds", n(now.getEpochSecond())))
                        .build());
                return new Claim.Acquired(consumer, eventId, token, leaseUntil);
            } catch (ConditionalCheckFailedException taken) {
                Optional<Map<String, AttributeValue>> current = read(consumer, eventId);
                if (current.isPresent()) {
                    Map<String, AttributeValue> existing = current.get();
                    if (DONE.equals(existing.get("status").s())) {
                        return new Claim.AlreadyDone();
                    }
                    return new Claim.Busy(Instant.ofEpochMilli(Long.parseLong(existing.get("leaseExpiresAt").n())));
                }
                if (round >= 1) {
                    // Still gone after a second try: treat as contended and let the message come back.
                    return new Claim.Busy(now);
                }
            }
        }
    }

    /**
     * Records that the claimed event was processed. Returns false if the claim had expired and another
     * invocation took it over (the effect may then happen twice; the caller should log it).
     */
    public boolean markDone(Claim.Acquired claim) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(claim.consumer(), claim.eventId()))
                    .updateExpression("SET #status = :done, completedAt = :now, expiresAt = :expires REMOVE leaseExpiresAt")
                    .conditionExpression("claimToken = :token")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":done", s(DONE),
                            ":now", s(now.toString()),
                            ":expires", n(now.plus(RETENTION).getEpochSecond()),
                            ":token", s(claim.token())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    /** Gives the claim up after a failed attempt, so the next delivery need not wait for the lease to run out. */
    public void release(Claim.Acquired claim) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(key(claim.consumer(), claim.eventId()))
                    .conditionExpression("claimToken = :token")
                    .expressionAttributeValues(Map.of(":token", s(claim.token())))
                    .build());
        } catch (ConditionalCheckFailedException alreadyTakenOver) {
            // Someone else holds it now; their claim is theirs to finish.
        }
    }

    /** The status (IN_PROGRESS or DONE) recorded for {@code consumer} and {@code eventId}, if any. */
    public Optional<String> status(String consumer, String eventId) {
        return read(consumer, eventId).map(item -> item.get("status").s());
    }

    private Optional<Map<String, AttributeValue>> read(String consumer, String eventId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(key(consumer, eventId))
                .consistentRead(true)
                .build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue expiresAt = item.get("expiresAt");
        if (expiresAt != null && Long.parseLong(expiresAt.n()) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(item);
    }

    static Map<String, AttributeValue> key(String consumer, String eventId) {
        return Map.of("pk", s("CONSUMED#" + consumer + "#" + eventId), "sk", s("-"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

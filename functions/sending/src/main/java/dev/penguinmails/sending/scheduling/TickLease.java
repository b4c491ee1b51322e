package dev.penguinmails.sending.scheduling;

import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
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

/**
 * The scheduler tick's lease (decision 0064): one item of the sending table ({@code pk SCHEDULER, sk LEASE}) that a
 * tick takes with a conditional write before it reads anything due, so two ticks never run at once and never reserve
 * the same daily counters twice. It is free when absent or past its expiry, which lies a little beyond the function's
 * timeout: a tick that crashed or was killed holds it no longer than that. Only its owner can release it.
 *
 * <p>Leases run on the wall clock, not on {@link SendingTime}: they measure how long a real invocation may run.
 */
@Singleton
public class TickLease {
    static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("SCHEDULER"),
            "sk", AttributeValue.fromS("LEASE"));
    /** The lease when no function timeout is configured (tests): Lambda's 60 s of the sending function. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration length;
    private final Clock clock;

    @Inject
    TickLease(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table,
              @Nullable @Property(name = ConfigKeys.FUNCTION_TIMEOUT_SECONDS) Integer timeoutSeconds,
              SchedulerSettings settings) {
        this(dynamo, table, (timeoutSeconds == null || timeoutSeconds <= 0 ? DEFAULT_TIMEOUT
                : Duration.ofSeconds(timeoutSeconds)).plus(settings.leaseMargin()), Clock.systemUTC());
    }

    /** For tests: a lease of the given length on the given clock. */
    TickLease(DynamoDbClient dynamo, String table, Duration length, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.length = length;
        this.clock = clock;
    }

    /** A lease this tick holds, released by {@link #release(Held)}. */
    public record Held(String owner, Instant expiresAt) { }

    /** How long a lease stands: the function's timeout plus the margin. */
    public Duration length() {
        return length;
    }

    /** Takes the lease if it is free or expired; empty if another tick holds it. */
    public Optional<Held> take() {
        Instant now = clock.instant();
        Held held = new Held(UUID.randomUUID().toString(), now.plus(length));
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("owner", AttributeValue.fromS(held.owner()));
        item.put("leaseUntil", AttributeValue.fromN(Long.toString(held.expiresAt().toEpochMilli())));
        item.put("takenAt", AttributeValue.fromS(now.toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR leaseUntil < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return Optional.of(held);
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
    }

    /** Gives the lease back if {@code held} still owns it; true if it did (a lease taken over after expiry stays). */
    public boolean release(Held held) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(KEY).conditionExpression("#o = :me")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(held.owner()))));
            return true;
        } catch (ConditionalCheckFailedException notOurs) {
            return false;
        }
    }

    /** The lease's owner as stored, if any (tests and diagnostics). */
    Optional<String> owner() {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(KEY).consistentRead(true)).item();
        return item == null || !item.containsKey("owner") ? Optional.empty() : Optional.of(item.get("owner").s());
    }
}

package dev.penguinmails.shared.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link RateLimiter} of every function: Bucket4j token buckets (greedy refill) whose state lives
 * in DynamoDB, in the calling function's own table, named by {@code penguinmails.ratelimit.table}
 * (a family points it at one of its tables). Bucket time is wall-clock time, because the containers that
 * share a bucket do not share a monotonic clock. A consumption that loses the compare-and-swap race
 * {@value #DEFAULT_MAX_ATTEMPTS} times in a row fails closed: it is refused, as a 429 with a short
 * {@code Retry-After}, rather than retried without end or let through unmetered.
 */
@Singleton
@Requires(property = DynamoDbRateLimiter.TABLE_PROPERTY)
public class DynamoDbRateLimiter implements RateLimiter {
    public static final String TABLE_PROPERTY = "penguinmails.ratelimit.table";
    /** How long an idle bucket outlives the time it takes to fill up again, so a refill is never lost early. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(60);
    /** Enough to ride out a burst of callers on one key; each attempt is a read and a conditional write. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    private static final Duration RETRY_AFTER_CONTENTION = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbRateLimiter.class);

    private final DynamoDbBuckets buckets;

    @Inject
    public DynamoDbRateLimiter(DynamoDbClient dynamo, Environment environment) {
        this(dynamo, tableFrom(environment), Clock.systemUTC());
    }

    public DynamoDbRateLimiter(DynamoDbClient dynamo, String table, Clock clock) {
        this(dynamo, table, clock, DEFAULT_MAX_ATTEMPTS);
    }

    /** @param maxAttempts compare-and-swap cycles a consumption may take before it is refused */
    public DynamoDbRateLimiter(DynamoDbClient dynamo, String table, Clock clock, int maxAttempts) {
        Objects.requireNonNull(dynamo, "dynamo");
        Objects.requireNonNull(clock, "clock");
        if (table == null || table.isBlank()) {
            throw new ConfigurationException("no table for rate limits: set " + TABLE_PROPERTY);
        }
        ClientSideConfig config = ClientSideConfig.getDefault()
                .withClientClock(new ClockTimeMeter(clock))
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL));
        this.buckets = new DynamoDbBuckets(dynamo, table, clock, config, maxAttempts);
    }

    @Override
    public Decision tryConsume(String bucketKey, Limit limit, long tokens) {
        requireKey(bucketKey);
        Objects.requireNonNull(limit, "limit");
        if (tokens < 1 || tokens > limit.capacity()) {
            throw new IllegalArgumentException("cannot take " + tokens + " tokens from a bucket of " + limit.capacity());
        }
        ConsumptionProbe probe;
        try {
            probe = buckets.builder()
                    .build(storedKey(bucketKey, limit), () -> configuration(limit))
                    .tryConsumeAndReturnRemaining(tokens);
        } catch (DynamoDbBuckets.ContentionException e) {
            LOG.warn("Refusing a request: {}", e.getMessage());
            return Decision.refuse(RETRY_AFTER_CONTENTION);
        }
        return probe.isConsumed()
                ? Decision.allow(probe.getRemainingTokens())
                : Decision.refuse(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void reset(String bucketKey, Limit limit) {
        requireKey(bucketKey);
        buckets.removeProxy(storedKey(bucketKey, limit));
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    private static String storedKey(String bucketKey, Limit limit) {
        return bucketKey + "#" + limit.signature();
    }

    private static void requireKey(String bucketKey) {
        if (bucketKey == null || bucketKey.isBlank() || bucketKey.length() > 512) {
            throw new IllegalArgumentException("a bucket key is 1 to 512 characters");
        }
    }

    private static String tableFrom(Environment environment) {
        return environment.getProperty(TABLE_PROPERTY, String.class).orElse(null);
    }

    /** Wall-clock time for Bucket4j, from a {@link Clock} so tests can move it. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}

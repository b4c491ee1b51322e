package dev.penguinmails.shared.ratelimit;

import dev.penguinmails.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.emulators.LocalAwsClients;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.Topology;
import dev.penguinmails.topology.TableSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The token buckets against dynalite: limits, refills, sharing between containers, races and expiry. */
@Tag("integration")
class DynamoDbRateLimiterTest {
    private static DynamoDbClient dynamo;
    private static String table;

    private MutableClock clock;
    private RateLimiter limiter;

    @BeforeAll
    static void stack() {
        // A family keeps its buckets in a table of its own.
        ProvisionedStack stack = TestAws.freshStack(new Topology("limits", List.of(TableSpec.standard("limits")),
                List.of(), List.of(), "limits", List.of(), List.of()));
        dynamo = TestAws.shared().clients().dynamoDb();
        table = stack.properties().get(ConfigKeys.table("limits"));
    }

    @BeforeEach
    void limiter() {
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        limiter = new DynamoDbRateLimiter(dynamo, table, clock);
    }

    @Test
    void allowsTheCapacityThenRefusesWithTheTimeUntilTheNextToken() {
        Limit threePerMinute = Limit.perMinute(3);
        String key = "test:burst:" + System.nanoTime();

        assertThat(limiter.tryConsume(key, threePerMinute)).isEqualTo(Decision.allow(2));
        assertThat(limiter.tryConsume(key, threePerMinute).allowed()).isTrue();
        assertThat(limiter.tryConsume(key, threePerMinute)).isEqualTo(Decision.allow(0));

        Decision refused = limiter.tryConsume(key, threePerMinute);
        assertThat(refused.allowed()).isFalse();
        // Greedy refill: one token every 20 s.
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryConsume(key, threePerMinute).allowed()).isTrue();
        assertThat(limiter.tryConsume(key, threePerMinute).allowed()).isFalse();
    }

    @Test
    void bucketsAreSharedBetweenInstancesAndSeparateBetweenKeys() {
        Limit twoPerHour = Limit.perHour(2);
        String key = "test:shared:" + System.nanoTime();
        RateLimiter otherContainer = new DynamoDbRateLimiter(dynamo, table, clock);

        assertThat(limiter.tryConsume(key, twoPerHour).allowed()).isTrue();
        assertThat(otherContainer.tryConsume(key, twoPerHour).allowed()).isTrue();
        assertThat(limiter.tryConsume(key, twoPerHour).allowed()).isFalse();
        assertThat(otherContainer.tryConsume(key + ":other", twoPerHour).allowed()).isTrue();
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheCapacity() throws Exception {
        Limit fivePerHour = Limit.perHour(5);
        String key = "test:race:" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // Each thread is its own "container" with its own proxy manager.
                RateLimiter container = new DynamoDbRateLimiter(dynamo, table, clock);
                calls.add(() -> container.tryConsume(key, fivePerHour).allowed());
            }
            int allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                allowed += f.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdleBucketExpiresAndAnExpiredItemCountsAsAFullBucket() {
        Limit onePerMinute = Limit.perMinute(1);
        String key = "test:expiry:" + System.nanoTime();
        assertThat(limiter.tryConsume(key, onePerMinute).allowed()).isTrue();

        var item = dynamo.getItem(r -> r.tableName(table).key(DynamoDbBuckets.itemKey(key + "#" + onePerMinute.signature())))
                .item();
        long expiresAt = Long.parseLong(item.get("expiresAt").n());
        assertThat(expiresAt).isBetween(clock.instant().getEpochSecond() + 60, clock.instant().getEpochSecond() + 121);

        // Long after expiry the (never deleted, as in dynalite) item is ignored and overwritten.
        clock.advance(Duration.ofHours(3));
        assertThat(limiter.tryConsume(key, onePerMinute)).isEqualTo(Decision.allow(0));
        assertThat(dynamo.getItem(r -> r.tableName(table).key(DynamoDbBuckets.itemKey(key + "#" + onePerMinute.signature())))
                .item().get("version")).isEqualTo(AttributeValue.fromN("1"));
    }

    @Test
    void resetForgetsTheBucketAndChangingTheLimitStartsAFreshOne() {
        String key = "test:reset:" + System.nanoTime();
        assertThat(limiter.tryConsume(key, Limit.perHour(1)).allowed()).isTrue();
        assertThat(limiter.tryConsume(key, Limit.perHour(1)).allowed()).isFalse();
        assertThat(limiter.tryConsume(key, Limit.perHour(2)).allowed()).isTrue();

        limiter.reset(key, Limit.perHour(1));
        assertThat(limiter.tryConsume(key, Limit.perHour(1)).allowed()).isTrue();
    }

    @Test
    void aConsumptionThatKeepsLosingTheRaceIsRefusedAfterABoundedNumberOfAttempts() {
        Limit plenty = Limit.perHour(1000);
        String key = "test:contended:" + System.nanoTime();
        assertThat(limiter.tryConsume(key, plenty).allowed()).isTrue();
        AtomicInteger conditionalWrites = new AtomicInteger();
        // Another container writes the bucket between every read and conditional write of this one.
        ExecutionInterceptor rival = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutItemRequest put && put.item().get("pk").s().contains(key)) {
                    conditionalWrites.incrementAndGet();
                    dynamo.updateItem(r -> r.tableName(table)
                            .key(Map.of("pk", put.item().get("pk"), "sk", put.item().get("sk")))
                            .updateExpression("SET version = version + :one")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
                }
            }
        };
        try (DynamoDbClient contended = DynamoDbClient.builder()
                .endpointOverride(TestAws.shared().endpoints().dynamodb())
                .region(LocalAwsClients.REGION).credentialsProvider(LocalAwsClients.CREDENTIALS)
                .overrideConfiguration(c -> c.addExecutionInterceptor(rival)).build()) {
            RateLimiter busy = new DynamoDbRateLimiter(contended, table, clock, 3);

            Decision decision = busy.tryConsume(key, plenty);

            assertThat(decision.allowed()).as("fails closed").isFalse();
            assertThat(decision.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(conditionalWrites.get()).as("one conditional write per attempt, and no more").isEqualTo(3);
        }
        assertThat(limiter.tryConsume(key, plenty).remaining()).as("the refused call took no token").isEqualTo(998);
    }
}

package dev.penguinmails.shared.ratelimit;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Bucket4j's compare-and-swap proxy manager over one DynamoDB item per bucket
 * ({@code pk = RATE#<key>}, {@code sk = BUCKET}): the serialized bucket state, a {@code version} that
 * every write checks and bumps (the "compare" of compare-and-swap), and {@code expiresAt} so that idle
 * buckets disappear. An item past {@code expiresAt} counts as absent (TTL deletes lazily, the local
 * emulator never), which is also what a full bucket looks like.
 */
final class DynamoDbBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String SORT_KEY = "BUCKET";
    static final String KEY_PREFIX = "RATE#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final int maxAttempts;

    /** @param maxAttempts read-modify-write cycles one consumption may take before it gives up under contention */
    DynamoDbBuckets(DynamoDbClient dynamo, String table, Clock clock, ClientSideConfig config, int maxAttempts) {
        super(config);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed: " + maxAttempts);
        }
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new Operation(key);
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("rate limiting is synchronous");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("rate limiting is synchronous");
    }

    @Override
    public void removeProxy(String key) {
        dynamo.deleteItem(r -> r.tableName(table).key(itemKey(key)));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    /** A bucket changed under every one of a consumption's attempts: too busy to decide in time. */
    static final class ContentionException extends RuntimeException {
        ContentionException(String key, int attempts) {
            super("rate limit bucket " + key + " lost " + attempts + " compare-and-swap races in a row", null, false, false);
        }
    }

    static Map<String, AttributeValue> itemKey(String key) {
        return Map.of(PK, AttributeValue.fromS(KEY_PREFIX + key), SK, AttributeValue.fromS(SORT_KEY));
    }

    /**
     * One consumption's read-modify-write cycles; Bucket4j runs another after a lost race, re-reading the
     * state, and would do so forever. The cycle past {@code maxAttempts} throws {@link ContentionException}.
     */
    private final class Operation implements CompareAndSwapOperation {
        private final String key;
        private long versionRead;
        private int attempts;

        Operation(String key) {
            this.key = key;
        }

        @Override
        public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
            if (++attempts > maxAttempts) {
                throw new ContentionException(key, maxAttempts);
            }
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(itemKey(key))
                    .consistentRead(true)).item();
            if (item == null || item.isEmpty() || isExpired(item)) {
                versionRead = 0;
                return Optional.empty();
            }
            versionRead = Long.parseLong(item.get("version").n());
            return Optional.of(item.get("state").b().asByteArray());
        }

        @Override
        public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                      Optional<Long> timeoutNanos) {
            long nowMillis = clock.millis();
            long ttlMillis = getClientSideConfig().getExpirationAfterWriteStrategy()
                    .map(s -> s.calculateTimeToLiveMillis(newState, nowMillis * 1_000_000L))
                    .orElse(3_600_000L);
            Map<String, AttributeValue> item = new HashMap<>(itemKey(key));
            item.put("state", AttributeValue.fromB(SdkBytes.fromByteArray(newData)));
            item.put("version", AttributeValue.fromN(Long.toString(versionRead + 1)));
            // Rounded up to whole seconds: expiring a moment late only keeps a nearly full bucket.
            item.put("expiresAt", AttributeValue.fromN(Long.toString((nowMillis + ttlMillis + 999) / 1000)));
            String now = Long.toString(nowMillis / 1000);
            try {
                if (originalData == null) {
                    dynamo.putItem(r -> r.tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now")
                            .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(now))));
                } else {
                    dynamo.putItem(r -> r.tableName(table).item(item)
                            .conditionExpression("version = :read AND expiresAt > :now")
                            .expressionAttributeValues(Map.of(
                                    ":read", AttributeValue.fromN(Long.toString(versionRead)),
                                    ":now", AttributeValue.fromN(now))));
                }
                return true;
            } catch (ConditionalCheckFailedException lostRace) {
                return false;
            }
        }

        private boolean isExpired(Map<String, AttributeValue> item) {
            AttributeValue expiresAt = item.get("expiresAt");
            return expiresAt != null && Long.parseLong(expiresAt.n()) <= clock.millis() / 1000;
        }
    }
}

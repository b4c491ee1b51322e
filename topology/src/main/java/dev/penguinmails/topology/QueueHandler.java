package dev.penguinmails.topology;

/**
 * An SQS consumer: Lambda polls {@code queue} and hands it batches of up to {@code batchSize}
 * messages, waiting up to {@code maxBatchingWindowSeconds} to fill one, with at most
 * {@code maximumConcurrency} invocations at a time (the event source mapping's maximum concurrency,
 * 2 to 1000). The handler reports partial batch failures, so only the failed messages are retried.
 */
public record QueueHandler(String name, String handlerClass, String queue, int batchSize, int maxBatchingWindowSeconds,
                           int maximumConcurrency)
        implements EntryPoint {
    /** The least concurrency an event source mapping accepts, and the default here. */
    public static final int MIN_CONCURRENCY = 2;
    public static final int MAX_CONCURRENCY = 1000;

    public QueueHandler {
        Names.requireLogicalName(name);
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size out of range for " + name);
        }
        if (batchSize > 10 && maxBatchingWindowSeconds < 1) {
            throw new IllegalArgumentException("batches over 10 need a batching window: " + name);
        }
        if (maxBatchingWindowSeconds < 0 || maxBatchingWindowSeconds > 300) {
            throw new IllegalArgumentException("batching window out of range for " + name);
        }
        if (maximumConcurrency < MIN_CONCURRENCY || maximumConcurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("maximum concurrency of " + name + " must be " + MIN_CONCURRENCY
                    + " to " + MAX_CONCURRENCY + ": " + maximumConcurrency);
        }
    }

    /** A consumer with the least concurrency, {@value #MIN_CONCURRENCY}. */
    public QueueHandler(String name, String handlerClass, String queue, int batchSize, int maxBatchingWindowSeconds) {
        this(name, handlerClass, queue, batchSize, maxBatchingWindowSeconds, MIN_CONCURRENCY);
    }
}

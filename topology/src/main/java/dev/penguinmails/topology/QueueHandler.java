package dev.penguinmails.topology;

/**
 * An SQS consumer: Lambda polls {@code queue} and hands it batches of up to {@code batchSize}
 * messages, waiting up to {@code maxBatchingWindowSeconds} to fill one. The handler reports
 * partial batch failures, so only the failed messages are retried.
 */
public record QueueHandler(String name, String handlerClass, String queue, int batchSize, int maxBatchingWindowSeconds)
        implements EntryPoint {
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
    }
}

package dev.penguinmails.topology;

/**
 * An SQS queue and its dead-letter queue. A message that has been received
 * {@code maxReceiveCount} times without being deleted moves to the DLQ, which keeps it for 14 days.
 * A FIFO queue (and its DLQ, which must be FIFO too) delivers the messages of one group in order.
 */
public record QueueSpec(String name, int visibilityTimeoutSeconds, int maxReceiveCount, int retentionSeconds,
                        boolean fifo) {

    public static final int DLQ_RETENTION_SECONDS = 14 * 24 * 3600;
    /** SQS requires the physical name of a FIFO queue to end so. */
    public static final String FIFO_SUFFIX = ".fifo";

    public QueueSpec {
        Names.requireLogicalName(name);
        if (visibilityTimeoutSeconds < 1 || visibilityTimeoutSeconds > 43_200) {
            throw new IllegalArgumentException("visibility timeout out of range for queue " + name);
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount out of range for queue " + name);
        }
        if (retentionSeconds < 60 || retentionSeconds > DLQ_RETENTION_SECONDS) {
            throw new IllegalArgumentException("retention out of range for queue " + name);
        }
    }

    /** A standard queue. */
    public QueueSpec(String name, int visibilityTimeoutSeconds, int maxReceiveCount, int retentionSeconds) {
        this(name, visibilityTimeoutSeconds, maxReceiveCount, retentionSeconds, false);
    }

    /** A queue with a 4-day retention, the usual choice for work queues. */
    public static QueueSpec work(String name, int visibilityTimeoutSeconds, int maxReceiveCount) {
        return new QueueSpec(name, visibilityTimeoutSeconds, maxReceiveCount, 4 * 24 * 3600);
    }

    /** A FIFO work queue with a 4-day retention. */
    public static QueueSpec fifo(String name, int visibilityTimeoutSeconds, int maxReceiveCount) {
        return new QueueSpec(name, visibilityTimeoutSeconds, maxReceiveCount, 4 * 24 * 3600, true);
    }

    /** The physical name for {@code baseName}: with {@value #FIFO_SUFFIX} for a FIFO queue. */
    public String physicalName(String baseName) {
        return fifo ? baseName + FIFO_SUFFIX : baseName;
    }

    public String deadLetterQueueName() {
        return name + "-dlq";
    }
}

package dev.penguinmails.topology;

import java.util.Optional;

/**
 * An S3 bucket: private, encrypted, versioned; objects under it expire after {@code expireAfterDays}
 * (0 keeps them). With {@code objectCreatedQueue}, every object created in it (a PUT, a completed multipart upload)
 * sends S3's event notification to that queue: the CDK app adds the bucket notification, the local stack emits the
 * same event JSON itself.
 */
public record BucketSpec(String name, int expireAfterDays, Optional<String> objectCreatedQueue) {
    public BucketSpec {
        Names.requireLogicalName(name);
        if (expireAfterDays < 0) {
            throw new IllegalArgumentException("expireAfterDays must not be negative: " + name);
        }
        objectCreatedQueue.ifPresent(Names::requireLogicalName);
    }

    /** A bucket that notifies nobody. */
    public BucketSpec(String name, int expireAfterDays) {
        this(name, expireAfterDays, Optional.empty());
    }

    /** This bucket, sending its object-created events to {@code queue}. */
    public BucketSpec notifying(String queue) {
        return new BucketSpec(name, expireAfterDays, Optional.of(queue));
    }
}

package dev.penguinmails.topology;

/**
 * An S3 bucket: private, encrypted, versioned; objects under it expire after {@code expireAfterDays}
 * (0 keeps them).
 */
public record BucketSpec(String name, int expireAfterDays) {
    public BucketSpec {
        Names.requireLogicalName(name);
        if (expireAfterDays < 0) {
            throw new IllegalArgumentException("expireAfterDays must not be negative: " + name);
        }
    }
}

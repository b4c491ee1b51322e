package dev.penguinmails.shared.ratelimit;

/**
 * Token buckets shared by every instance of every function, so that a limit holds across Lambda
 * containers. A bucket is named by its key (e.g. {@code login-ip:203.0.113.7}); keys are stored, so
 * callers hash anything personal or secret before using it as one.
 */
public interface RateLimiter {

    /** Takes one token from {@code bucketKey}'s bucket for {@code limit}. */
    default Decision tryConsume(String bucketKey, Limit limit) {
        return tryConsume(bucketKey, limit, 1);
    }

    /** Takes {@code tokens} tokens at once, or none when they are not all there. */
    Decision tryConsume(String bucketKey, Limit limit, long tokens);

    /** Forgets the bucket, e.g. an account's after a successful password reset. */
    void reset(String bucketKey, Limit limit);
}

package dev.penguinmails.events.publish;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently failed PutEvents entries are tried again: exponential backoff with
 * full jitter (a random wait up to {@code baseDelay * 2^(retry-1)}, capped at {@code maxDelay}), so
 * that many producers throttled together do not retry in lock-step.
 *
 * @param maxAttempts attempts per entry, the first one included
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20: " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    /** The wait before retry number {@code retry} (1 for the second attempt). */
    public Duration backoff(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1: " + retry);
        }
        long cap = maxDelay.toMillis();
        // Shift at most 30 places: beyond that the cap always wins and the long would overflow.
        long ceiling = Math.min(cap, baseDelay.toMillis() << Math.min(retry - 1, 30));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}

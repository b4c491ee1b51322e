package dev.penguinmails.shared.ratelimit;

import dev.penguinmails.shared.problems.ProblemException;
import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a {@link RateLimiter}: whether the request may go ahead, how many more may follow right
 * away, and, when refused, how long until one token is back (the {@code Retry-After} to send).
 */
public record Decision(boolean allowed, long remaining, Duration retryAfter) {
    public Decision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining cannot be negative: " + remaining);
        }
    }

    public static Decision allow(long remaining) {
        return new Decision(true, remaining, Duration.ZERO);
    }

    public static Decision refuse(Duration retryAfter) {
        // A refusal always asks the client to wait, at least a moment.
        return new Decision(false, 0, retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter);
    }

    /** Throws a 429 {@code rate-limited} problem with {@code Retry-After} unless the request is allowed. */
    public void orThrow(String detail) {
        if (!allowed) {
            throw ProblemException.tooManyRequests(retryAfter, detail);
        }
    }
}

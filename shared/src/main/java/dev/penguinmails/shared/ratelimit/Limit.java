package dev.penguinmails.shared.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A token-bucket limit: at most {@code capacity} requests in a burst, refilled evenly so that
 * {@code capacity} more are allowed per {@code period}. {@code Limit.perMinute(60)} allows a burst of
 * 60 and then one a second.
 */
public record Limit(long capacity, Duration period) {
    public Limit {
        Objects.requireNonNull(period, "period");
        if (capacity < 1) {
            throw new IllegalArgumentException("a limit allows at least one request: " + capacity);
        }
        if (period.isNegative() || period.isZero() || period.toMillis() < 1) {
            throw new IllegalArgumentException("a limit's period is at least a millisecond: " + period);
        }
    }

    public static Limit of(long capacity, Duration period) {
        return new Limit(capacity, period);
    }

    public static Limit perSecond(long capacity) {
        return new Limit(capacity, Duration.ofSeconds(1));
    }

    public static Limit perMinute(long capacity) {
        return new Limit(capacity, Duration.ofMinutes(1));
    }

    public static Limit perHour(long capacity) {
        return new Limit(capacity, Duration.ofHours(1));
    }

    /**
     * A short, stable text for this limit ({@code 60/60000ms}). It is part of the stored bucket's key,
     * so changing a configured limit starts a fresh bucket instead of reinterpreting an old one.
     */
    public String signature() {
        return capacity + "/" + period.toMillis() + "ms";
    }
}

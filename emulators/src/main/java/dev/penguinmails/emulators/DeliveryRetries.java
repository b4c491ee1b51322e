package dev.penguinmails.emulators;

import java.time.Duration;

/**
 * How the local EventBridge retries a delivery to a target queue that failed: like AWS's default retry
 * policy for a rule target (185 attempts within 24 hours), with a delay that starts at {@code firstDelay}
 * and doubles up to {@code maxDelay}.
 */
public record DeliveryRetries(int maxAttempts, Duration firstDelay, Duration maxDelay) {
    public DeliveryRetries {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must be positive and maxDelay at least firstDelay");
        }
    }

    /** AWS's default: 185 attempts; 1 s doubling to 8 min spreads them over about 24 hours. */
    public static DeliveryRetries aws() {
        return new DeliveryRetries(185, Duration.ofSeconds(1), Duration.ofMinutes(8));
    }

    /** The delay before attempt {@code attempt} (the second attempt is the first retry). */
    Duration delayBefore(int attempt) {
        Duration delay = firstDelay;
        for (int i = 2; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

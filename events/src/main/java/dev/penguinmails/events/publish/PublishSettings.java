package dev.penguinmails.events.publish;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How {@link EventPublisher} retries entries EventBridge rejected, bound from
 * {@code penguinmails.events.publish.*}; see {@link RetryPolicy} for the backoff and the limits it checks.
 *
 * @param maxAttempts attempts per entry, the first one included ({@code max-attempts}, 5)
 * @param baseDelay   the most the first retry waits ({@code base-delay}, 50 ms)
 * @param maxDelay    the most any retry waits ({@code max-delay}, 2 s)
 */
@ConfigurationProperties("penguinmails.events.publish")
public record PublishSettings(@Bindable(defaultValue = "5") int maxAttempts,
                              @Bindable(defaultValue = "50ms") Duration baseDelay,
                              @Bindable(defaultValue = "2s") Duration maxDelay) {

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay);
    }
}

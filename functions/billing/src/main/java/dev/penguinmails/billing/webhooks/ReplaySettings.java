package dev.penguinmails.billing.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The replay job's tunables, bound from {@code penguinmails.billing.replay.*}.
 *
 * @param window how far back each run looks for events Stripe did not deliver ({@code window}, 3 days; Stripe lists 30)
 */
@ConfigurationProperties("penguinmails.billing.replay")
public record ReplaySettings(@Bindable(defaultValue = "3d") Duration window) {
    public ReplaySettings {
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("penguinmails.billing.replay.window must be between 0 and 30 days: " + window);
        }
    }
}

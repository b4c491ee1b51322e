package dev.penguinmails.billing.dunning;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Dunning's tunables, bound from {@code penguinmails.billing.dunning.*}.
 *
 * @param grace how long an account may stay past due before its sending is paused ({@code grace}, 7 days)
 */
@ConfigurationProperties("penguinmails.billing.dunning")
public record DunningSettings(@Bindable(defaultValue = "7d") Duration grace) {
    public DunningSettings {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("penguinmails.billing.dunning.grace must not be negative: " + grace);
        }
    }
}

package dev.penguinmails.events.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The {@link OutboxRelay}'s tunables, bound from {@code penguinmails.outbox.relay.*}.
 *
 * @param minAge how old a pending entry must be before the relay delivers it; younger ones are left to the
 *               request that is probably still delivering them ({@code min-age}, 30 s)
 */
@ConfigurationProperties("penguinmails.outbox.relay")
public record OutboxRelaySettings(@Bindable(defaultValue = "30s") Duration minAge) {
}

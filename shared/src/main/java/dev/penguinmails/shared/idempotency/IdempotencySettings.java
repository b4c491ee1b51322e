package dev.penguinmails.shared.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long idempotency records hold, bound from {@code penguinmails.idempotency.*}. The table
 * ({@code penguinmails.idempotency.table}) is not a tunable but the function's resource, and stays with
 * {@link IdempotencyStore}.
 *
 * @param lease how long a claim keeps other attempts with the same key away before it counts as abandoned
 *              (the Lambda died mid-request) ({@code lease}, 60 s)
 * @param ttl   how long an answer is kept and replayed ({@code ttl}, 24 hours)
 */
@ConfigurationProperties("penguinmails.idempotency")
public record IdempotencySettings(@Bindable(defaultValue = "60s") Duration lease,
                                  @Bindable(defaultValue = "24h") Duration ttl) {
}

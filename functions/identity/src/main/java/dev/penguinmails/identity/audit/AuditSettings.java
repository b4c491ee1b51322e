package dev.penguinmails.identity.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The audit trail's tunables, bound from {@code penguinmails.identity.audit.*}.
 *
 * @param retention how long an audit entry is kept before DynamoDB expires it ({@code retention}, 400 days)
 */
@ConfigurationProperties("penguinmails.identity.audit")
public record AuditSettings(@Bindable(defaultValue = "400d") Duration retention) {
}

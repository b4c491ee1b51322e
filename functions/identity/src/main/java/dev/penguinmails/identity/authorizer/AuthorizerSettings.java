package dev.penguinmails.identity.authorizer;

import dev.penguinmails.shared.ratelimit.Limit;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The tunable numbers of the authorizer, bound from {@code penguinmails.auth.*} (beside {@code AuthSettings},
 * which holds those of accounts and logins).
 *
 * @param sessionCache           how long a warm Lambda trusts its answer to "is this session still active"
 *                               ({@code session-cache}, 10 s, which is also the most {@link SessionCheck} allows)
 * @param apiKeyLastUsedInterval how often an API key's {@code lastUsedAt} is written at most
 *                               ({@code api-key-last-used-interval}, 1 minute)
 * @param authorizer             the authorizer's own throttle
 */
@ConfigurationProperties("penguinmails.auth")
public record AuthorizerSettings(@Bindable(defaultValue = "10s") Duration sessionCache,
                                 @Bindable(defaultValue = "1m") Duration apiKeyLastUsedInterval,
                                 Authorizer authorizer) {

    /**
     * Bound from {@code penguinmails.auth.authorizer.*}.
     *
     * @param failuresPerIpPerMinute failed credentials one address may present a minute before it is answered
     *                               429 ({@code failures-per-ip-per-minute}, 60)
     */
    @ConfigurationProperties("authorizer")
    public record Authorizer(@Bindable(defaultValue = "60") int failuresPerIpPerMinute) {
    }

    /** Failed credentials one address may present per minute. */
    public Limit failuresPerAddress() {
        return Limit.perMinute(authorizer.failuresPerIpPerMinute());
    }
}

package dev.penguinmails.sending.sender;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The sender worker's settings, bound from {@code penguinmails.sending.sender.*}.
 *
 * @param maxAttempts      tries of a send that fails temporarily before it becomes {@code email.failed} (5)
 * @param claimLease       how long a claim without an outcome is left to its worker (10 min: well above the
 *                         function's 60 s timeout); after it the claim is {@code unknown}, never resent (decision 0052)
 * @param retryBackoff     the first retry's delay, doubled per attempt (1 min)
 * @param unsubscribeUrl   the public https base of the unsubscribe page; the token is appended as {@code ?t=}
 * @param unsubscribeTtl   how long an unsubscribe link works (400 days)
 * @param unsubscribeKeys  {@code <key id>:<base64 key>} (at least 256 bits), the first signs; from a secret in
 *                         deployments. Empty: an ephemeral key (local only; links do not survive a restart)
 * @param configurationSet the SES configuration set SES sends use, or empty
 */
@ConfigurationProperties("penguinmails.sending.sender")
public record SenderSettings(@Bindable(defaultValue = "5") int maxAttempts,
                             @Bindable(defaultValue = "10m") Duration claimLease,
                             @Bindable(defaultValue = "1m") Duration retryBackoff,
                             @Bindable(defaultValue = "https://app.penguinmails.io/unsubscribe") String unsubscribeUrl,
                             @Bindable(defaultValue = "400d") Duration unsubscribeTtl,
                             @Bindable(defaultValue = "") List<String> unsubscribeKeys,
                             @Bindable(defaultValue = "") String configurationSet) {
    public SenderSettings {
        unsubscribeKeys = unsubscribeKeys == null ? List.of()
                : unsubscribeKeys.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

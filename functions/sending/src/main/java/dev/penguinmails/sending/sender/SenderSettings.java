package dev.penguinmails.sending.sender;

import dev.penguinmails.sending.transport.SmtpSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The sender worker's settings, bound from {@code penguinmails.sending.sender.*}.
 *
 * @param maxAttempts      tries of a send that fails temporarily before it becomes {@code email.failed} (5)
 * @param claimLease       how long a claim without an outcome is left to its worker (10 min: well above the
 *                         function's 60 s timeout); after it the claim is {@code unknown}, never resent (decision 0052)
 * @param retryBackoff     the first retry's delay, doubled per attempt (1 min)
 * @param configurationSet the SES configuration set SES sends use, or empty
 * @param smtpConnectTimeout how long connecting to a mailbox's SMTP server may take (10 s); then a retry
 * @param smtpReadTimeout  how long an SMTP reply may take (30 s); before the end of DATA a retry, after it the
 *                         outcome is unknown (decision 0057)
 */
@ConfigurationProperties("penguinmails.sending.sender")
public record SenderSettings(@Bindable(defaultValue = "5") int maxAttempts,
                             @Bindable(defaultValue = "10m") Duration claimLease,
                             @Bindable(defaultValue = "1m") Duration retryBackoff,
                             @Bindable(defaultValue = "") String configurationSet,
                             @Bindable(defaultValue = "10s") Duration smtpConnectTimeout,
                             @Bindable(defaultValue = "30s") Duration smtpReadTimeout) {

    /** The SMTP pool's settings: {@link SmtpSettings#DEFAULTS} with these timeouts. */
    public SmtpSettings smtp() {
        SmtpSettings d = SmtpSettings.DEFAULTS;
        return new SmtpSettings(smtpConnectTimeout, smtpReadTimeout, d.connectionsPerMailbox(), d.idleClose(), d.poolWait());
    }
}

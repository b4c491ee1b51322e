package dev.penguinmails.sending.transport;

import dev.penguinmails.sending.transport.SendResult.PermanentFailure;
import dev.penguinmails.sending.transport.SendResult.PermanentFailure.Scope;
import dev.penguinmails.sending.transport.SendResult.Sent;
import dev.penguinmails.sending.transport.SendResult.TemporaryFailure;
import dev.penguinmails.shared.aws.SesSendRetries;
import io.micronaut.core.annotation.Nullable;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends finished messages through SES v2 {@code SendEmail} with Raw content, naming the configuration set on every
 * send so that SES publishes deliveries, bounces and complaints to the bus (as shared's account-mail transport
 * does). The message goes as it is: SES adds its own DKIM signature for verified identities.
 */
public final class SesRawTransport implements MailTransport {
    private final Supplier<SesV2Client> ses;
    private final @Nullable String configurationSet;

    public SesRawTransport(SesV2Client ses, @Nullable String configurationSet) {
        this(() -> ses, configurationSet);
    }

    /** With the client built on the first send (only the sender worker ever sends). */
    public SesRawTransport(Supplier<SesV2Client> ses, @Nullable String configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet.strip();
    }

    @Override
    public SendResult send(String envelopeFrom, String recipient, byte[] rawMessage) {
        try {
            String id = ses.get().sendEmail(r -> r.fromEmailAddress(envelopeFrom)
                    .destination(d -> d.toAddresses(recipient))
                    .configurationSetName(configurationSet)
                    .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArrayUnsafe(rawMessage))))).messageId();
            return new Sent(id == null ? "" : id);
        } catch (SesV2Exception e) {
            return classify(e);
        } catch (SdkClientException e) {
            return withoutAnswer(e);
        }
    }

    /**
     * No answer from SES. If the connection never opened, nothing went out: retry later. Otherwise (a timeout or a
     * reset after the request was written) SES may have taken it, and {@code SendEmail} has no idempotency token, so
     * the outcome is unknown and the send must not be repeated (decision 0069).
     */
    static TemporaryFailure withoutAnswer(SdkClientException e) {
        if (SesSendRetries.neverConnected(e)) {
            return new TemporaryFailure(0, "SES unreachable: " + e.getMessage(), null);
        }
        return new TemporaryFailure(0, "no answer from SES after the request was sent: " + e.getMessage(), null, true);
    }

    /** SES's refusals: throttling and its own errors are temporary; everything else would fail the same again. */
    static SendResult classify(SesV2Exception e) {
        int status = e.statusCode();
        String reason = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage() : String.valueOf(e.getMessage());
        if (e instanceof TooManyRequestsException || e instanceof LimitExceededException || status == 429 || status >= 500
                || e.isThrottlingException()) {
            return new TemporaryFailure(status, reason, null);
        }
        if (e instanceof AccountSuspendedException || e instanceof SendingPausedException
                || e instanceof MailFromDomainNotVerifiedException || e instanceof NotFoundException
                || status == 401 || status == 403) {
            return new PermanentFailure(Scope.MAILBOX, status, reason);
        }
        if (e instanceof MessageRejectedException) {
            return new PermanentFailure(Scope.MESSAGE, status, reason);
        }
        return new PermanentFailure(Scope.MESSAGE, status, reason);
    }
}

package dev.penguinmails.sending.transport;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * What became of one send, as the sender worker acts on it (decision 0049): {@link Sent}; a {@link TemporaryFailure}
 * to retry with backoff (4xx, timeouts, refused or reset connections, greylisting, throttling); or a
 * {@link PermanentFailure} never to retry, with the {@link PermanentFailure.Scope} saying whom it condemns: the
 * recipient (a bounce), this message, or the mailbox itself (bad credentials, TLS), which must not be blamed on
 * the recipient.
 */
public sealed interface SendResult {

    /** Accepted by the server; {@code providerId} is SES's message id or the SMTP server's 250 reply text. */
    record Sent(String providerId) implements SendResult { }

    /**
     * Worth trying again later, unless {@code afterData}.
     *
     * @param code           the SMTP reply code, or the HTTP status of SES; 0 when the failure had none (timeouts)
     * @param notBefore      the least wait that makes sense (greylisting wants minutes), or null for the usual backoff
     * @param afterData      no reply came after the whole message was handed over (the final "." of DATA was sent):
     *                       the server may have taken it, so the outcome is unknown (decisions 0052, 0057); false for
     *                       every failure before that point (connect, greeting, EHLO, AUTH, MAIL, RCPT, DATA itself)
     */
    record TemporaryFailure(int code, String reason, @Nullable Duration notBefore, boolean afterData) implements SendResult {
        /** A failure before the message was handed over: retrying cannot send it twice. */
        public TemporaryFailure(int code, String reason, @Nullable Duration notBefore) {
            this(code, reason, notBefore, false);
        }
    }

    /** Never to be retried: retrying would give the same answer. */
    record PermanentFailure(Scope scope, int code, String reason) implements SendResult {
        public enum Scope {
            /** The recipient's address is refused (5xx on RCPT): mark the enrolment, suppress as a hard bounce. */
            RECIPIENT,
            /** This message is refused (5xx after DATA, SES MessageRejected): mark the enrolment. */
            MESSAGE,
            /** The mailbox cannot send at all (authentication, TLS, SES account): pause the mailbox, not the contact. */
            MAILBOX
        }
    }

    default boolean retryable() {
        return this instanceof TemporaryFailure;
    }
}

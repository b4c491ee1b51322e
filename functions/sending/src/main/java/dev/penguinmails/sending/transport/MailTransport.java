package dev.penguinmails.sending.transport;

/**
 * Sends one finished (built and signed) message to one recipient. One implementation per way out: a mailbox's
 * SMTP server ({@link SmtpTransport#forMailbox}) or SES v2 ({@link SesRawTransport}). Never throws for a failed
 * send: the {@link SendResult} says whether to retry.
 */
public interface MailTransport {
    SendResult send(String envelopeFrom, String recipient, byte[] rawMessage);
}

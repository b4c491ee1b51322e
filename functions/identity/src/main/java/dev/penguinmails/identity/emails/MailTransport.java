package dev.penguinmails.identity.emails;

/** Where account emails leave the system. One implementation per environment (SES v2 everywhere today). */
public interface MailTransport {
    /** Sends the email, or throws so that the event is retried. */
    void send(OutgoingEmail email);
}

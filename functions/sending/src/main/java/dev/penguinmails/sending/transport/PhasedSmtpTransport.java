package dev.penguinmails.sending.transport;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * angus-mail's SMTP client that remembers whether the current send got as far as handing the whole message over
 * (the final "." of DATA): only a failure without a reply after that point may hide an accepted email (decision
 * 0057). Everything before it (connect, greeting, EHLO, AUTH, MAIL, RCPT, DATA, the message lines) cannot.
 */
final class PhasedSmtpTransport extends SMTPTransport {
    private volatile boolean dataHandedOver;

    PhasedSmtpTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        dataHandedOver = false;
        super.sendMessage(message, addresses);
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        dataHandedOver = true; // set before the "." is written: a failure while writing it is ambiguous too
        super.finishData();
    }

    /** Whether the last {@link #sendMessage} handed the whole message over before it ended. */
    boolean dataHandedOver() {
        return dataHandedOver;
    }
}

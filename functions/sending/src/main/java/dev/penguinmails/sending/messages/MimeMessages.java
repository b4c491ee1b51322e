package dev.penguinmails.sending.messages;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Builds the MIME message of an {@link OutgoingMessage} with jakarta.mail (angus-mail): multipart/alternative with a
 * UTF-8 text part and an HTML part (angus picks quoted-printable or base64 by content), RFC 2047 encoded names and
 * subject, a Message-ID on the From domain, RFC 8058 one-click unsubscribe headers, thread headers for follow-ups
 * and our tracking header. Thread-safe; one instance serves the whole worker.
 */
public final class MimeMessages {
    public static final String TRACKING_HEADER = "X-PM-Message";
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    // A Session only carries properties here; nothing is sent through it.
    private final Session session = Session.getInstance(new Properties());

    /** The message, built and serialised; Message-ID from {@link MessageIds} on the From address's domain. */
    public BuiltMessage build(OutgoingMessage message) {
        return build(message, MessageIds.next(message.from().domain(), message.date().toEpochMilli()));
    }

    /** The message under a Message-ID chosen before (the sender's claim holds it, decision 0052). */
    public BuiltMessage build(OutgoingMessage message, String messageId) {
        try {
            MimeMessage mime = new FixedIdMessage(session, "<" + messageId + ">");
            mime.setFrom(internet(message.from()));
            mime.setRecipient(jakarta.mail.Message.RecipientType.TO, internet(message.to()));
            String subject = message.thread() == null ? message.subject() : Subjects.reply(message.subject());
            mime.setSubject(subject, UTF_8);
            mime.setSentDate(Date.from(message.date()));
            if (message.thread() != null) {
                mime.setHeader("In-Reply-To", "<" + message.thread().inReplyTo() + ">");
                mime.setHeader("References", MimeUtility.fold(12, references(message.thread())));
            }
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeMailto().toASCIIString() + ">, <"
                    + message.unsubscribeHttps().toASCIIString() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mime.setHeader(TRACKING_HEADER, message.trackingId());

            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
            mime.saveChanges();

            ByteArrayOutputStream out = new ByteArrayOutputStream(message.html().length() + message.text().length() + 2048);
            mime.writeTo(out);
            return new BuiltMessage(messageId, message.from().email(), message.to().email(), out.toByteArray());
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build message " + message.trackingId() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InternetAddress internet(Address address) throws MessagingException {
        try {
            return new InternetAddress(address.email(), address.name(), UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static String references(Conversation thread) {
        StringBuilder text = new StringBuilder();
        for (String id : thread.references()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append('<').append(id).append('>');
        }
        return text.toString();
    }

    /** A MimeMessage that keeps our Message-ID when saveChanges() runs (the default would make its own). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

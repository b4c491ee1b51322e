package dev.penguinmails.sending.messages;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Instant;

/**
 * Everything the sender worker knows about one email before it is built: who and what, the unsubscribe links
 * (mailto and https, RFC 8058), the thread of a follow-up, and our own tracking id ({@code X-PM-Message}: the
 * message record's id, never the recipient's address or other personal data).
 *
 * @param subject the subject as written; for a follow-up (thread set) it becomes "Re: " and the original's subject
 */
public record OutgoingMessage(Address from, Address to, String subject, String text, String html,
                              String trackingId, URI unsubscribeMailto, URI unsubscribeHttps,
                              @Nullable Conversation thread, Instant date) {
    public OutgoingMessage {
        require(from != null && to != null, "from and to are required");
        require(subject != null && text != null && html != null, "subject, text and html are required");
        require(trackingId != null && trackingId.matches("[A-Za-z0-9._-]{1,80}"), "tracking id: " + trackingId);
        require(unsubscribeMailto != null && "mailto".equalsIgnoreCase(unsubscribeMailto.getScheme()),
                "the unsubscribe mailto link is a mailto: URI");
        require(unsubscribeHttps != null && (https(unsubscribeHttps) || loopbackHttp(unsubscribeHttps)),
                "RFC 8058 wants the one-click unsubscribe link on https");
        require(date != null, "date is required");
    }

    private static boolean https(URI link) {
        return "https".equalsIgnoreCase(link.getScheme());
    }

    /** The local stack's API on loopback: no mailbox provider ever sees such a link, and a developer can click it. */
    private static boolean loopbackHttp(URI link) {
        return "http".equalsIgnoreCase(link.getScheme())
                && ("127.0.0.1".equals(link.getHost()) || "localhost".equalsIgnoreCase(link.getHost()));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

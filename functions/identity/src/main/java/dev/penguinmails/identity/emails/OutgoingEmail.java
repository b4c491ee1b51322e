package dev.penguinmails.identity.emails;

import java.util.Objects;

/** One email to send: a single recipient, a subject, and the same message as plain text and as HTML. */
public record OutgoingEmail(String to, String subject, String text, String html) {
    public OutgoingEmail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (subject.contains("\n") || subject.contains("\r")) {
            throw new IllegalArgumentException("a subject is one line");
        }
    }
}

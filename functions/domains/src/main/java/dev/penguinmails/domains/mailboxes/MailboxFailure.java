package dev.penguinmails.domains.mailboxes;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a mailbox is failing when no connection test of ours said so: today only sending's hold, when the mailbox's own
 * server refused the mailbox itself (SMTP 535, TLS, the SES account; decisions 0067 and 0072).
 *
 * @param code   the server's reply code (0 when it gave none)
 * @param reason the server's words
 * @param at     when the failure was found
 * @param source who found it: {@link #SENDING}
 */
public record MailboxFailure(int code, String reason, Instant at, String source) {
    public static final String SENDING = "sending";

    public MailboxFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }
}

package dev.penguinmails.domains.mailboxes;

import java.util.Locale;

/** Where and how a mailbox logs in to one of its servers; the password only sealed. */
public record ServerLogin(String host, int port, Security security, String username, String passwordSealed) {

    /** How the connection is protected. NONE (a password in plain text) is accepted only by the local stack. */
    public enum Security {
        /** TLS from the first byte (SMTPS 465, IMAPS 993). */
        TLS,
        /** Plain text upgraded with STARTTLS, which is then required (SMTP 587, IMAP 143). */
        STARTTLS,
        NONE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

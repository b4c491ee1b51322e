package dev.penguinmails.domains.mailboxes.connection;

import dev.penguinmails.domains.mailboxes.ServerLogin.Security;

/** The two protocols a mailbox is tested on, and the Jakarta Mail protocol names for each security mode. */
public enum MailProtocol {
    SMTP("smtp", "smtps"),
    IMAP("imap", "imaps");

    private final String plain;
    private final String tls;

    MailProtocol(String plain, String tls) {
        this.plain = plain;
        this.tls = tls;
    }

    /** The Jakarta Mail protocol name: the TLS one for {@link Security#TLS}. */
    String jakartaName(Security security) {
        return security == Security.TLS ? tls : plain;
    }

    public String wire() {
        return plain;
    }
}

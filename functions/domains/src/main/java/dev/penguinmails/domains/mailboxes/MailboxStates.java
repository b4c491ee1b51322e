package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.events.mailboxes.MailServer;
import dev.penguinmails.events.mailboxes.MailboxState;
import java.util.Locale;

/** A mailbox as its events carry it (passwords sealed, as stored). */
final class MailboxStates {
    private MailboxStates() { }

    static MailboxState of(Mailbox m) {
        Warmup w = m.warmup();
        return new MailboxState(m.id(), m.address(), m.domain(), m.displayName(), lower(m.provider().name()),
                lower(m.status().name()), m.eligibleForSending(), m.dailyLimit(), w.enabled(), w.startPerDay(),
                w.increasePerDay(), w.startedOn() == null ? null : w.startedOn().toString(), m.signatureHtml(),
                server(m.smtp()), server(m.imap()), m.version());
    }

    private static MailServer server(ServerLogin l) {
        return l == null ? null : new MailServer(l.host(), l.port(), l.security().wire(), l.username(), l.passwordSealed());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

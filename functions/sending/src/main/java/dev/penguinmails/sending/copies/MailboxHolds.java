package dev.penguinmails.sending.copies;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.mailboxes.MailboxState;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.sending.MailboxSendingHeld;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Stops sending from a mailbox whose server refused the mailbox itself (decision 0067): its copy is held at the
 * version that failed, and {@code mailbox.sending_held} is owed on that copy. The hold ends when the domains family
 * publishes a newer version of the mailbox (new credentials, a new connection test), which replaces the copy.
 */
@Singleton
public class MailboxHolds {
    private static final int REASON_LIMIT = 1_000;

    private final SenderCopies copies;
    private final Outbox outbox;

    MailboxHolds(SenderCopies copies, Outbox outbox) {
        this.copies = copies;
        this.outbox = outbox;
    }

    /** Holds {@code mailbox} as it was when its server refused it; true if this call held it (and owes the event). */
    public boolean hold(TenantContext tenant, MailboxState mailbox, int code, String reason, Instant at) {
        String why = reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) : reason;
        OutboxEntry owed = outbox.entry().event(DomainEvent.create(SendingEvents.MAILBOX_SENDING_HELD, tenant.workspaceId(),
                new MailboxSendingHeld(mailbox.mailboxId(), mailbox.version(), Math.max(0, Math.min(999, code)), why)))
                .build();
        if (!copies.holdMailbox(tenant, mailbox, why, at, owed)) {
            return false;
        }
        outbox.deliver(copies.table(), copies.mailboxKey(tenant, mailbox.mailboxId()), owed);
        return true;
    }
}

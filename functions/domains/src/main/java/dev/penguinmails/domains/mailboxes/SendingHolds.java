package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.mailboxes.MailboxEvents;
import dev.penguinmails.events.mailboxes.MailboxUpdated;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.sending.MailboxSendingHeld;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies sending's {@code mailbox.sending_held} (decision 0067) to the mailbox itself, so the customer sees why
 * sending stopped: the exact version sending held, still connected, becomes failing with the server's code and words,
 * in one conditional versioned write that owes {@code mailbox.updated}. Any newer version (new credentials, a new
 * test) already answers the refusal, so a hold of an older one, like one of a removed or unknown mailbox, changes
 * nothing (decision 0072).
 */
@Singleton
public class SendingHolds {
    private static final Logger LOG = LoggerFactory.getLogger(SendingHolds.class);
    /** Writes lost to a concurrent change before the event goes back to the queue (the next read decides again). */
    private static final int ATTEMPTS = 3;

    private final MailboxStore store;
    private final Outbox outbox;

    SendingHolds(MailboxStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** What a hold did to the mailbox. */
    public enum Outcome { FAILING, STALE, NOT_CONNECTED, REMOVED, UNKNOWN }

    /** Applies {@code held}, found by sending at {@code at}, to the tenant's mailbox; safe to repeat. */
    public Outcome apply(TenantContext tenant, MailboxSendingHeld held, Instant at) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Mailbox> found = MailboxIds.wellFormed(held.mailboxId()) ? store.find(tenant, held.mailboxId())
                    : Optional.empty();
            Outcome skip = skip(found, held);
            if (skip != null) {
                LOG.info("Sending's hold of mailbox {} version {} changes nothing: {}", held.mailboxId(),
                        held.mailboxVersion(), skip.name().toLowerCase(Locale.ROOT));
                return skip;
            }
            Mailbox current = found.orElseThrow();
            MailboxFailure failure = new MailboxFailure(held.code(), held.reason(), at.truncatedTo(ChronoUnit.MILLIS),
                    MailboxFailure.SENDING);
            Mailbox next = current.next(b -> b.status(Mailbox.Status.FAILING).lastFailure(failure),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            var owed = outbox.entry().event(DomainEvent.create(MailboxEvents.MAILBOX_UPDATED, tenant.workspaceId(),
                    new MailboxUpdated(MailboxStates.of(next)))).build();
            if (store.replace(tenant, current, next, owed)) {
                LOG.info("Mailbox {} is failing at version {}: sending's server refused it ({})", next.id(),
                        next.version(), held.code());
                return Outcome.FAILING;
            }
        }
        throw new IllegalStateException("mailbox " + held.mailboxId() + " kept changing meanwhile; the hold is retried");
    }

    /** Why the hold changes nothing, or null if it applies. */
    private static Outcome skip(Optional<Mailbox> found, MailboxSendingHeld held) {
        if (found.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        Mailbox m = found.get();
        if (m.status() == Mailbox.Status.REMOVED) {
            return Outcome.REMOVED;
        }
        // Sending only ever copies versions we published, so a newer one here answered the refusal already.
        if (m.version() != held.mailboxVersion()) {
            return Outcome.STALE;
        }
        return m.status() == Mailbox.Status.CONNECTED ? null : Outcome.NOT_CONNECTED;
    }
}

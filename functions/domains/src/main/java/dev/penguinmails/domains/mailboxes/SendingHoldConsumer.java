package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.sending.MailboxSendingHeld;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.util.Set;

/**
 * The SQS handler of queue {@code domains-sending}, fed by the rule of the same name with sending's
 * {@code mailbox.sending_held}: hands each to {@link SendingHolds}, once per event id, in the event's workspace only.
 */
public class SendingHoldConsumer extends SqsEventConsumer<MailboxSendingHeld> {
    static final String ACTOR = "system:domains-sending";

    /** The constructor Lambda uses. */
    public SendingHoldConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public SendingHoldConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.DOMAINS_SENDING;
    }

    @Override
    protected Set<EventType<? extends MailboxSendingHeld>> eventTypes() {
        return Set.of(SendingEvents.MAILBOX_SENDING_HELD);
    }

    @Override
    protected void handle(DomainEvent<MailboxSendingHeld> event) {
        applicationContext.getBean(SendingHolds.class)
                .apply(TenantContext.system(event.workspaceId(), ACTOR), event.payload(), event.occurredAt());
    }
}

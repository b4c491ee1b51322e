package dev.penguinmails.contacts.unsubscribes;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.sending.EmailUnsubscribed;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.util.Set;

/**
 * The SQS handler of queue {@code contacts-unsubscribes}, fed by the rule of the same name with sending's
 * {@code email.unsubscribed}: hands each to {@link UnsubscribeApplier}, once per event id.
 */
public class UnsubscribeConsumer extends SqsEventConsumer<EmailUnsubscribed> {
    static final String ACTOR = "system:contacts-unsubscribes";

    /** The constructor Lambda uses. */
    public UnsubscribeConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public UnsubscribeConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.CONTACTS_UNSUBSCRIBES;
    }

    @Override
    protected Set<EventType<? extends EmailUnsubscribed>> eventTypes() {
        return Set.of(SendingEvents.EMAIL_UNSUBSCRIBED);
    }

    @Override
    protected void handle(DomainEvent<EmailUnsubscribed> event) {
        applicationContext.getBean(UnsubscribeApplier.class)
                .apply(TenantContext.system(event.workspaceId(), ACTOR), event.payload());
    }
}

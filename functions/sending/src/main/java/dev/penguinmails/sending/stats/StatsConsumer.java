package dev.penguinmails.sending.stats;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.events.usage.UsageEvents;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.util.Set;

/**
 * The SQS handler of queue {@code sending-stats}, fed by the rule of the same name: counts {@code email.sent},
 * {@code email.failed} and {@code email.unsubscribed} into the campaign's counters, once per event id.
 */
public class StatsConsumer extends SqsEventConsumer<Record> {

    /** The constructor Lambda uses. */
    public StatsConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public StatsConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.SENDING_STATS;
    }

    @Override
    protected Set<EventType<? extends Record>> eventTypes() {
        return Set.of(UsageEvents.EMAIL_SENT, SendingEvents.EMAIL_FAILED, SendingEvents.EMAIL_UNSUBSCRIBED);
    }

    @Override
    protected void handle(DomainEvent<Record> event) {
        applicationContext.getBean(CampaignStats.class).count(event);
    }
}

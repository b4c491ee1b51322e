package dev.penguinmails.sending.quota;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.SubscriptionStatusChanged;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQS handler of queue {@code sending-subscriptions}, fed by the rule of the same name with billing's
 * {@code billing.subscription.status_changed}: keeps whether dunning paused the workspace's sending, by version.
 */
public class SubscriptionConsumer extends SqsEventConsumer<SubscriptionStatusChanged> {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionConsumer.class);

    /** The constructor Lambda uses. */
    public SubscriptionConsumer() { }

    /** For tests and the local stack: runs in an existing context. */
    public SubscriptionConsumer(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.SENDING_SUBSCRIPTIONS;
    }

    @Override
    protected Set<EventType<? extends SubscriptionStatusChanged>> eventTypes() {
        return Set.of(BillingEvents.SUBSCRIPTION_STATUS_CHANGED);
    }

    @Override
    protected void handle(DomainEvent<SubscriptionStatusChanged> event) {
        SubscriptionStatusChanged changed = event.payload();
        boolean applied = applicationContext.getBean(SubscriptionCopy.class)
                .apply(event.workspaceId(), changed.sendingPaused(), changed.version());
        LOG.info("{} {}: sendingPaused {} v{} for {}", consumerName(), applied ? "applied" : "skipped older",
                changed.sendingPaused(), changed.version(), event.workspaceId());
    }
}

package dev.penguinmails.billing.webhooks;

import dev.penguinmails.events.consume.Claim;
import dev.penguinmails.events.consume.ConsumedEventStore;
import dev.penguinmails.events.consume.Claim.Acquired;
import dev.penguinmails.events.consume.Claim.AlreadyDone;
import dev.penguinmails.topology.PenguinMailsTopology;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes a Stripe event once: it claims the event id, so that a redelivery or a replay of it is skipped.
 */
@Singleton
public class StripeEventHandler {
    /** The name under which processed events are recorded in the consumed-events store. */
    public static final String CONSUMER = PenguinMailsTopology.BILLING_STRIPE_EVENTS;
    private static final Logger LOG = LoggerFactory.getLogger(StripeEventHandler.class);
    /** How long a claim holds off another handler of the same event: longer than processing takes. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final StripeEventProcessor processor;
    private final ConsumedEventStore consumed;

    StripeEventHandler(StripeEventProcessor processor, ConsumedEventStore consumed) {
        this.processor = processor;
        this.consumed = consumed;
    }

    /** Processes {@code notice} unless that was done before; false when it failed or is in work elsewhere. */
    public boolean handleOnce(StripeEventNotice notice) {
        Claim claim = consumed.claim(CONSUMER, notice.id(), LEASE);
        if (claim instanceof AlreadyDone) {
            LOG.info("Stripe event {} ({}) was processed before; skipped", notice.id(), notice.type());
            return true;
        }
        if (!(claim instanceof Acquired acquired)) {
            // Busy: another invocation holds it; retrying later keeps the customer's events in order.
            return false;
        }
        try {
            processor.process(notice);
        } catch (Exception e) {
            LOG.error("Stripe event {} ({}) failed; it will be retried", notice.id(), notice.type(), e);
            consumed.release(acquired);
            return false;
        }
        consumed.markDone(acquired);
        return true;
    }
}

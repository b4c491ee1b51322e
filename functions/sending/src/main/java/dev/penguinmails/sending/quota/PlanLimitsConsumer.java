package dev.penguinmails.sending.quota;

import dev.penguinmails.events.billing.PlanCopyConsumer;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;

/**
 * The SQS handler of queue {@code sending-plans}, fed by the rule of the same name with billing's
 * {@code billing.plan.changed}: keeps sending's copy of each workspace's plan (it enforces the emails a month).
 */
public class PlanLimitsConsumer extends PlanCopyConsumer {

    /** The constructor Lambda uses. */
    public PlanLimitsConsumer() {
        super(PenguinMailsTopology.SENDING_PLANS, SendingPlanStore.class);
    }

    /** For tests and the local stack: runs in an existing context. */
    public PlanLimitsConsumer(ApplicationContext context) {
        super(context, PenguinMailsTopology.SENDING_PLANS, SendingPlanStore.class);
    }
}

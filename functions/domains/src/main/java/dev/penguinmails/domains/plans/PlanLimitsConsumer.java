package dev.penguinmails.domains.plans;

import dev.penguinmails.events.billing.PlanCopyConsumer;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;

/**
 * The SQS handler of queue {@code domains-plans}, fed by the rule of the same name with billing's
 * {@code billing.plan.changed}: keeps domains' copy of each workspace's plan (it enforces the mailboxes).
 */
public class PlanLimitsConsumer extends PlanCopyConsumer {

    /** The constructor Lambda uses. */
    public PlanLimitsConsumer() {
        super(PenguinMailsTopology.DOMAINS_PLANS, WorkspacePlanStore.class);
    }

    /** For tests and the local stack: runs in an existing context. */
    public PlanLimitsConsumer(ApplicationContext context) {
        super(context, PenguinMailsTopology.DOMAINS_PLANS, WorkspacePlanStore.class);
    }
}

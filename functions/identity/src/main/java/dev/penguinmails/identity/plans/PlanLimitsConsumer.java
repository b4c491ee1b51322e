package dev.penguinmails.identity.plans;

import dev.penguinmails.events.billing.PlanCopyConsumer;
import io.micronaut.context.ApplicationContext;

/**
 * The SQS handler of queue {@code identity-plans}, fed by the rule of the same name with billing's
 * {@code billing.plan.changed}: keeps identity's copy of each workspace's plan (it enforces the seats and the
 * workspaces per account).
 */
public class PlanLimitsConsumer extends PlanCopyConsumer {

    /** The constructor Lambda uses. */
    public PlanLimitsConsumer() {
        super("identity-plans", WorkspacePlanStore.class);
    }

    /** For tests and the local stack: runs in an existing context. */
    public PlanLimitsConsumer(ApplicationContext context) {
        super(context, "identity-plans", WorkspacePlanStore.class);
    }
}

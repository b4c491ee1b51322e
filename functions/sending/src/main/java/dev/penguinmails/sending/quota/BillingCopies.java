package dev.penguinmails.sending.quota;

import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.billing.PlanCopyConsumer;
import dev.penguinmails.events.billing.SubscriptionStatusChanged;
import jakarta.inject.Singleton;

/**
 * Applies billing's events to sending's copies (decision 0065), for the {@code copies} consumer: a plan change into
 * the shared plan copy ({@link SendingPlanStore}, as {@link PlanCopyConsumer} applies it), a subscription status
 * change into {@link SubscriptionCopy}; each only when its version is newer.
 */
@Singleton
public class BillingCopies {
    private final SendingPlanStore plans;
    private final SubscriptionCopy subscriptions;

    BillingCopies(SendingPlanStore plans, SubscriptionCopy subscriptions) {
        this.plans = plans;
        this.subscriptions = subscriptions;
    }

    /** Stores the plan unless a plan of the same or a newer version is stored; true if it was written. */
    public boolean apply(String workspaceId, PlanChanged changed) {
        return plans.apply(workspaceId, PlanCopyConsumer.copyOf(changed));
    }

    /** Stores {@code sendingPaused} unless the same or a newer version is stored; true if it was written. */
    public boolean apply(String workspaceId, SubscriptionStatusChanged changed) {
        return subscriptions.apply(workspaceId, changed.sendingPaused(), changed.version());
    }
}

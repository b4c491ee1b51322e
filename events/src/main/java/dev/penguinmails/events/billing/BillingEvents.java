package dev.penguinmails.events.billing;

import dev.penguinmails.events.EventType;
import java.util.List;

/**
 * Every event type the billing function publishes (source {@code penguinmails.billing}); listed in
 * {@link dev.penguinmails.events.EventTypes}. Plan and status events carry the billing account's version,
 * so that a consumer applies them in order and ignores a stale one.
 */
public final class BillingEvents {
    public static final String SOURCE = "penguinmails.billing";

    /** The workspace's plan and the limits now in force. */
    public static final EventType<PlanChanged> PLAN_CHANGED = type("billing.plan.changed", PlanChanged.class);
    /** The subscription's status changed; senders stop new sends while {@code sendingPaused}. */
    public static final EventType<SubscriptionStatusChanged> SUBSCRIPTION_STATUS_CHANGED =
            type("billing.subscription.status_changed", SubscriptionStatusChanged.class);
    /** A usage figure reached 80% of its limit in the period. */
    public static final EventType<QuotaReached> QUOTA_WARNING = type("billing.quota.warning", QuotaReached.class);
    /** A usage figure reached its limit in the period. */
    public static final EventType<QuotaExceeded> QUOTA_EXCEEDED = type("billing.quota.exceeded", QuotaExceeded.class);
    /** A step of the failed-payment path; the owner is told. */
    public static final EventType<DunningStep> DUNNING_STEP = type("billing.dunning.step", DunningStep.class);

    public static final List<EventType<?>> ALL =
            List.of(PLAN_CHANGED, SUBSCRIPTION_STATUS_CHANGED, QUOTA_WARNING, QUOTA_EXCEEDED, DUNNING_STEP);

    private BillingEvents() { }

    private static <P extends Record> EventType<P> type(String detailType, Class<P> payload) {
        return new EventType<>(detailType, SOURCE, 1, payload);
    }
}

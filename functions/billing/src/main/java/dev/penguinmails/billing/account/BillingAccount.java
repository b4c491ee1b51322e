package dev.penguinmails.billing.account;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/**
 * A workspace's billing as last synced from Stripe: its customer and subscription, the plan and add-ons in force,
 * the period, dunning state and an optimistic-locking {@code version}. A workspace that never subscribed has none
 * stored and reads as {@link #fresh} on the free plan. {@code periodEmailAllowance}, when set, replaces the plan's
 * monthly emails for the current period only: an upgrade within a period adds the new plan's emails pro rata, so a
 * plan bought on the period's last day does not yield a whole month of sending for a day's price.
 */
public record BillingAccount(
    String workspaceId,
    @Nullable String customerId,
    @Nullable String subscriptionId,
    String planId,
    @Nullable String interval,
    String status,
    int extraMailboxes,
    @Nullable Instant periodStart,
    @Nullable Instant periodEnd,
    boolean cancelAtPeriodEnd,
    @Nullable String cancelReason,
    @Nullable Instant trialEnd,
    @Nullable String pendingCheckoutId,
    @Nullable Instant pastDueSince,
    boolean sendingPaused,
    @Nullable Instant fetchedAt,
    long version,
    @Nullable Long periodEmailAllowance
) {
    /** Stripe's statuses of a subscription that still exists for the customer (not ended); a workspace has one at most. */
    public static final Set<String> LIVE = Set.of("trialing", "active", "past_due", "unpaid", "paused", "incomplete");

    public BillingAccount(String workspaceId, @Nullable String customerId, @Nullable String subscriptionId, String planId,
                          @Nullable String interval, String status, int extraMailboxes, @Nullable Instant periodStart,
                          @Nullable Instant periodEnd, boolean cancelAtPeriodEnd, @Nullable String cancelReason,
                          @Nullable Instant trialEnd, @Nullable String pendingCheckoutId, @Nullable Instant pastDueSince,
                          boolean sendingPaused, @Nullable Instant fetchedAt, long version) {
        this(workspaceId, customerId, subscriptionId, planId, interval, status, extraMailboxes, periodStart, periodEnd,
                cancelAtPeriodEnd, cancelReason, trialEnd, pendingCheckoutId, pastDueSince, sendingPaused, fetchedAt,
                version, null);
    }

    /** The account of a workspace that never subscribed: on the free plan, status {@code none}, version 0. */
    public static BillingAccount fresh(String workspaceId, String freePlanId) {
        return new BillingAccount(workspaceId, null, null, freePlanId, null, "none", 0, null, null, false, null, null,
                null, null, false, null, 0L);
    }

    /** This account, one version on, with sending paused (dunning's last step before Stripe gives up). */
    public BillingAccount withSendingPaused() {
        return new BillingAccount(workspaceId, customerId, subscriptionId, planId, interval, status, extraMailboxes,
                periodStart, periodEnd, cancelAtPeriodEnd, cancelReason, trialEnd, pendingCheckoutId, pastDueSince,
                true, fetchedAt, version + 1, periodEmailAllowance);
    }

    public boolean hasLiveSubscription() {
        return subscriptionId != null && LIVE.contains(status);
    }
}

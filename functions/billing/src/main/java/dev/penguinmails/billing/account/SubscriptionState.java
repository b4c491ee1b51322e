package dev.penguinmails.billing.account;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * What a Stripe subscription says, read into our terms (plan, interval, add-on mailboxes, period) at {@code fetchedAt}.
 */
public record SubscriptionState(
    String subscriptionId,
    String customerId,
    String planId,
    @Nullable String interval,
    String status,
    int extraMailboxes,
    @Nullable Instant periodStart,
    @Nullable Instant periodEnd,
    boolean cancelAtPeriodEnd,
    @Nullable String cancelReason,
    @Nullable Instant trialEnd,
    Instant fetchedAt
) {
    public boolean live() {
        return BillingAccount.LIVE.contains(status);
    }
}

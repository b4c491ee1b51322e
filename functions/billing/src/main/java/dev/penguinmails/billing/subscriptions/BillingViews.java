package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.catalog.PlanCatalog;
import jakarta.inject.Singleton;

/**
 * Maps an account to its {@link BillingView}.
 */
@Singleton
public class BillingViews {
    private final PlanCatalog catalog;
    private final AccountChanges changes;

    BillingViews(PlanCatalog catalog, AccountChanges changes) {
        this.catalog = catalog;
        this.changes = changes;
    }

    public BillingView of(BillingAccount a) {
        return new BillingView(
            a.workspaceId(),
            a.planId(),
            catalog.plan(a.planId()).orElse(catalog.free()).name(),
            a.interval(),
            a.status(),
            changes.limits(a),
            a.extraMailboxes(),
            a.periodStart(),
            a.periodEnd(),
            a.cancelAtPeriodEnd(),
            a.cancelReason(),
            a.trialEnd(),
            a.sendingPaused(),
            a.customerId() != null
        );
    }
}

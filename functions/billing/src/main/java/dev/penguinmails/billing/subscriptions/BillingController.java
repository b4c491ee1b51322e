package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.RequiresPermission;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET .../billing}: the workspace's current plan and subscription.
 */
@Controller("/v1/workspaces/{workspaceId}/billing")
@Tag(name = "Billing")
@SecurityRequirement(name = "bearer")
class BillingController {
    private final BillingAccounts accounts;
    private final BillingViews views;

    BillingController(BillingAccounts accounts, BillingViews views) {
        this.accounts = accounts;
        this.views = views;
    }

    @Get
    @RequiresPermission(Permission.BILLING_READ)
    @Operation(operationId = "getBilling", summary = "Current plan and subscription",
            description = "The plan, Stripe's subscription status as last synced, the limits in force, the period, and any scheduled cancellation. A workspace that never subscribed is on the free plan.")
    BillingView get(@PathVariable String workspaceId) {
        return views.of(accounts.get(workspaceId, PlanCatalog.FREE));
    }
}

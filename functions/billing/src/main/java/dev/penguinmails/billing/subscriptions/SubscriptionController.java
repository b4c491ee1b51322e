package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.RequiresPermission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Plan changes, cancellation and reactivation of a workspace's subscription.
 */
@Controller("/v1/workspaces/{workspaceId}/billing")
@Tag(name = "Billing")
@SecurityRequirement(name = "bearer")
class SubscriptionController {
    private final PlanChangeService changes;
    private final CancellationService cancellations;
    private final BillingViews views;

    SubscriptionController(PlanChangeService changes, CancellationService cancellations, BillingViews views) {
        this.changes = changes;
        this.cancellations = cancellations;
        this.views = views;
    }

    @Post("/plan-change/preview")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(operationId = "previewPlanChange", summary = "Preview a plan change",
            description = "The prorated amount due now (upgrades) or credited later (downgrades). Nothing changes.")
    @ApiResponse(responseCode = "409", description = "usage-above-plan (lists what to remove), no-subscription or conflict")
    PlanChangePreview preview(@PathVariable String workspaceId, @Valid @Body PlanChangeRequest body) {
        return changes.preview(workspaceId, body);
    }

    @Post("/plan-change")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(operationId = "changePlan", summary = "Change the plan",
            description = "Send the preview's prorationDate: the charge is then exactly the previewed amount. An upgrade applies once paid; a downgrade at once, refused while usage is above the smaller plan.")
    @ApiResponse(responseCode = "409", description = "usage-above-plan, preview-expired, no-subscription or conflict")
    PlanChangeResult change(@PathVariable String workspaceId, @Valid @Body PlanChangeRequest body) {
        return changes.change(workspaceId, body);
    }

    @Post("/cancel")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(operationId = "cancelSubscription", summary = "Cancel the subscription",
            description = "At the end of the paid period (default; reactivate until then) or now. The workspace then returns to the free plan's limits; its data is kept (see docs/billing).")
    BillingView cancel(@PathVariable String workspaceId, @Valid @Body @Nullable CancelRequest body) {
        return views.of(cancellations.cancel(workspaceId, body == null ? new CancelRequest(null, null) : body));
    }

    @Post("/reactivate")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(operationId = "reactivateSubscription", summary = "Take back a scheduled cancellation",
            description = "Only before the period ends; a subscription that has ended needs a new checkout.")
    BillingView reactivate(@PathVariable String workspaceId) {
        return views.of(cancellations.reactivate(workspaceId));
    }
}

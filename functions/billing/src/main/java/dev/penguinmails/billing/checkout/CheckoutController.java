package dev.penguinmails.billing.checkout;

import dev.penguinmails.billing.subscriptions.BillingView;
import dev.penguinmails.billing.subscriptions.BillingViews;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.RequiresPermission;
import io.micronaut.http.HttpResponse;
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
 * Starting a subscription through Stripe Checkout, and applying a finished Checkout without waiting for the webhook.
 */
@Controller("/v1/workspaces/{workspaceId}/billing/checkout-sessions")
@Tag(name = "Billing")
@SecurityRequirement(name = "bearer")
class CheckoutController {
    private final CheckoutService checkout;
    private final BillingViews views;

    CheckoutController(CheckoutService checkout, BillingViews views) {
        this.checkout = checkout;
        this.views = views;
    }

    @Post
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(operationId = "startCheckout", summary = "Open a Checkout page for a plan",
            description = "Creates the workspace's Stripe customer if needed and answers the hosted page to send the person to. A second call while that page is open answers the same page. A workspace that already has a subscription (in our records or in Stripe's) gets 409 already-subscribed.")
    @ApiResponse(responseCode = "201", description = "The Checkout page")
    @ApiResponse(responseCode = "409", description = "already-subscribed")
    @ApiResponse(responseCode = "422", description = "unknown-plan")
    HttpResponse<CheckoutView> start(@PathVariable String workspaceId, @Valid @Body CheckoutRequest body) {
        return HttpResponse.created(checkout.start(workspaceId, body));
    }

    @Post("/{sessionId}/sync")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(operationId = "syncCheckout", summary = "Apply a finished Checkout at once",
            description = "Called by the app on the success redirect: reads the session and its subscription from Stripe and answers the workspace's billing as it now stands, without waiting for the webhook.")
    BillingView sync(@PathVariable String workspaceId, @PathVariable String sessionId) {
        return views.of(checkout.syncAfterRedirect(workspaceId, sessionId));
    }
}

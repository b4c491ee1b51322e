package dev.penguinmails.billing.portal;

import dev.penguinmails.billing.catalog.PlanCatalog;
import com.stripe.exception.StripeException;
import com.stripe.model.billingportal.Session;
import com.stripe.param.billingportal.SessionCreateParams.FlowData;
import com.stripe.param.billingportal.SessionCreateParams.FlowData.SubscriptionCancel;
import com.stripe.param.billingportal.SessionCreateParams.FlowData.SubscriptionUpdate;
import com.stripe.param.billingportal.SessionCreateParams.FlowData.Type;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.checkout.BillingLinks;
import dev.penguinmails.billing.checkout.BillingProblems;
import dev.penguinmails.billing.stripe.IdempotencyKeys;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.billing.stripe.StripeProblem;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.RequiresPermission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * {@code POST .../billing/portal-sessions}: a one-time link to Stripe's Customer Portal, optionally deep-linked to a task.
 */
@Controller("/v1/workspaces/{workspaceId}/billing/portal-sessions")
@Tag(name = "Billing")
@SecurityRequirement(name = "bearer")
class PortalController {
    private final BillingAccounts accounts;
    private final StripeGateway stripe;
    private final BillingLinks links;

    PortalController(BillingAccounts accounts, StripeGateway stripe, BillingLinks links) {
        this.accounts = accounts;
        this.stripe = stripe;
        this.links = links;
    }

    @Post
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(operationId = "openPortal", summary = "Open the Customer Portal",
            description = "Answers a one-time portal link. task deep-links to updating the payment method, cancelling or changing the subscription; without it the portal opens on its home page with the invoices.")
    HttpResponse<PortalView> open(@PathVariable String workspaceId, @Valid @Body @Nullable PortalRequest body) {
        BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
        if (account.customerId() == null) {
            throw BillingProblems.noSubscription();
        }
        String task = body == null ? null : body.task();
        try {
            Session session = stripe.createPortal(
                    account.customerId(),
                    links.billingPage(workspaceId),
                    flow(task, account),
                    // Per minute: a double click gets the same link, a later visit a fresh one (links are single-use).
                    IdempotencyKeys.of("portal", workspaceId, String.valueOf(task),
                            Long.toString(System.currentTimeMillis() / 60_000))
                );
            return HttpResponse.created(new PortalView(session.getUrl()));
        } catch (StripeException e) {
            throw StripeProblem.of(e);
        }
    }

    /** The portal flow of {@code task}; none opens the portal's home page, where the invoices are. */
    private static FlowData flow(@Nullable String task, BillingAccount account) {
        if (task == null || "invoices".equals(task)) {
            return null;
        }
        if ("payment_method_update".equals(task)) {
            return FlowData.builder().setType(Type.PAYMENT_METHOD_UPDATE).build();
        }
        if (account.subscriptionId() == null) {
            throw BillingProblems.noSubscription();
        }
        return "subscription_cancel".equals(task)
                ? FlowData.builder().setType(Type.SUBSCRIPTION_CANCEL)
                        .setSubscriptionCancel(SubscriptionCancel.builder().setSubscription(account.subscriptionId()).build())
                        .build()
                : FlowData.builder().setType(Type.SUBSCRIPTION_UPDATE)
                        .setSubscriptionUpdate(SubscriptionUpdate.builder().setSubscription(account.subscriptionId()).build())
                        .build();
    }
}

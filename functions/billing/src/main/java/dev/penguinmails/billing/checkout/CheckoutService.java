package dev.penguinmails.billing.checkout;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.catalog.Plan;
import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.billing.stripe.IdempotencyKeys;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.billing.stripe.StripeProblem;
import dev.penguinmails.billing.subscriptions.SubscriptionSync;
import dev.penguinmails.shared.problems.ProblemException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Opens a Stripe Checkout page for a workspace without a subscription. It creates the Stripe customer once, refuses
 * when Stripe already has a live subscription for it, and hands back the page still open for the same price instead of
 * opening a second one.
 */
@Singleton
public class CheckoutService {
    private final PlanCatalog catalog;
    private final BillingAccounts accounts;
    private final StripeGateway stripe;
    private final SubscriptionSync sync;
    private final BillingLinks links;

    CheckoutService(PlanCatalog catalog, BillingAccounts accounts, StripeGateway stripe, SubscriptionSync sync,
                    BillingLinks links) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.stripe = stripe;
        this.sync = sync;
        this.links = links;
    }

    /** The Checkout page for the requested plan: a new one, or the one still open for the same price. */
    public CheckoutView start(String workspaceId, CheckoutRequest request) {
        PlanCatalog.PlanPrice choice = catalog.paidPrice(request.planId(), request.interval())
                .orElseThrow(() -> BillingProblems.unknownPlan(request.planId(), request.interval()));
        Plan plan = choice.plan();
        BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
        if (account.hasLiveSubscription()) {
            throw BillingProblems.alreadySubscribed();
        }
        try {
            Price price = stripe.priceByLookupKey(choice.lookupKey())
                    .orElseThrow(() -> BillingProblems.unknownPlan(plan.id(), choice.interval().wireName()));
            String customerId = customer(account);
            refuseIfStripeHasOne(customerId);
            Optional<CheckoutView> open = reuseOpen(account, price.getId());
            if (open.isPresent()) {
                return open.get();
            }
            // Keyed on the session it replaces, so that a retry gets the same session and a new attempt a new one.
            String previous = account.pendingCheckoutId() == null ? "first" : account.pendingCheckoutId();
            Session session = stripe.createCheckout(
                    customerId,
                    workspaceId,
                    price.getId(),
                    plan.trialDays(),
                    links.checkoutSuccess(workspaceId),
                    links.checkoutCancel(workspaceId),
                    IdempotencyKeys.of("checkout", workspaceId, previous, price.getId())
                );
            accounts.recordPendingCheckout(workspaceId, session.getId());
            return new CheckoutView(session.getId(), session.getUrl(), false);
        } catch (StripeException e) {
            throw StripeProblem.of(e);
        }
    }

    private String customer(BillingAccount account) throws StripeException {
        if (account.customerId() != null) {
            return account.customerId();
        }
        String created = stripe.createCustomer(account.workspaceId(), IdempotencyKeys.of("customer", account.workspaceId())).getId();
        return accounts.recordCustomer(account.workspaceId(), created, PlanCatalog.FREE);
    }

    private void refuseIfStripeHasOne(String customerId) throws StripeException {
        for (Subscription s : stripe.subscriptions(customerId)) {
            if (BillingAccount.LIVE.contains(s.getStatus())) {
                sync.sync(s.getId());
                throw BillingProblems.alreadySubscribed();
            }
        }
    }

    private Optional<CheckoutView> reuseOpen(BillingAccount account, String priceId) throws StripeException {
        if (account.pendingCheckoutId() == null) {
            return Optional.empty();
        }
        Session pending = stripe.checkoutSession(account.pendingCheckoutId());
        if ("complete".equals(pending.getStatus()) && pending.getSubscription() != null) {
            // The page that started a subscription: it refuses a new one only while that subscription lives.
            if (sync.sync(pending.getSubscription()).hasLiveSubscription()) {
                throw BillingProblems.alreadySubscribed();
            }
            return Optional.empty();
        }
        if (!"open".equals(pending.getStatus())) {
            return Optional.empty();
        }
        if (pending.getMetadata() != null && priceId.equals(pending.getMetadata().get(StripeGateway.PRICE_METADATA))) {
            return Optional.of(new CheckoutView(pending.getId(), pending.getUrl(), true));
        }
        stripe.expireCheckout(pending.getId(), IdempotencyKeys.of("checkout-expire", pending.getId()));
        return Optional.empty();
    }

    /** Applies the finished Checkout {@code sessionId} of {@code workspaceId} now, rather than when its webhook arrives. */
    public BillingAccount syncAfterRedirect(String workspaceId, String sessionId) {
        try {
            Session session = stripe.checkoutSession(sessionId);
            String owner = session.getMetadata() == null ? null : session.getMetadata().get(StripeGateway.WORKSPACE_METADATA);
            // Session ids come from the browser: one of another workspace is as good as missing.
            if (!workspaceId.equals(owner)) {
                throw ProblemException.notFound("There is no such checkout session in this workspace.");
            }
            return "complete".equals(session.getStatus()) && session.getSubscription() != null
                    ? sync.sync(session.getSubscription())
                    : accounts.get(workspaceId, PlanCatalog.FREE);
        } catch (InvalidRequestException missing) {
            throw ProblemException.notFound("There is no such checkout session in this workspace.");
        } catch (StripeException e) {
            throw StripeProblem.of(e);
        }
    }
}

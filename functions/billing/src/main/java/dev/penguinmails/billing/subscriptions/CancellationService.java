package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.catalog.PlanCatalog;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.checkout.BillingProblems;
import dev.penguinmails.billing.stripe.IdempotencyKeys;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.billing.stripe.StripeProblem;
import dev.penguinmails.shared.problems.ProblemException;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Cancels a subscription (at period end or now) and takes back a scheduled cancellation.
 */
@Singleton
public class CancellationService {
    private final BillingAccounts accounts;
    private final StripeGateway stripe;
    private final SubscriptionSync sync;

    CancellationService(BillingAccounts accounts, StripeGateway stripe, SubscriptionSync sync) {
        this.accounts = accounts;
        this.stripe = stripe;
        this.sync = sync;
    }

    public BillingAccount cancel(String workspaceId, CancelRequest request) {
        BillingAccount account = live(workspaceId);
        try {
            Instant fetchedAt = Instant.now();
            Subscription result = request.endOfPeriod()
                ? stripe.setCancelAtPeriodEnd(
                        account.subscriptionId(),
                        true,
                        request.reason(),
                        IdempotencyKeys.of("cancel-at-period-end", account.subscriptionId(), Long.toString(account.version()))
                    )
                : stripe.cancelNow(account.subscriptionId(), request.reason(), IdempotencyKeys.of("cancel-now", account.subscriptionId()));
            return sync.apply(result, fetchedAt);
        } catch (StripeException e) {
            throw StripeProblem.of(e);
        }
    }

    public BillingAccount reactivate(String workspaceId) {
        BillingAccount account = live(workspaceId);
        if (!account.cancelAtPeriodEnd()) {
            throw ProblemException.conflict("The subscription is not scheduled to end; there is nothing to reactivate.");
        }
        try {
            Instant fetchedAt = Instant.now();
            return sync.apply(
                    stripe.setCancelAtPeriodEnd(
                            account.subscriptionId(), false, null, IdempotencyKeys.of("reactivate", account.subscriptionId(), Long.toString(account.version()))
                        ),
                    fetchedAt
                );
        } catch (StripeException e) {
            throw StripeProblem.of(e);
        }
    }

    private BillingAccount live(String workspaceId) {
        BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
        if (!account.hasLiveSubscription()) {
            throw BillingProblems.noSubscription();
        }
        return account;
    }
}

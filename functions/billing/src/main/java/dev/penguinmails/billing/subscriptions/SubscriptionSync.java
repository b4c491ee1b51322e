package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.catalog.PlanCatalog;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.account.SubscriptionState;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.outbox.Outbox.Builder;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a subscription as Stripe has it now to the workspace's account, retrying when the account changes meanwhile.
 * Every path (webhook, redirect, our own calls) goes through here, so they agree.
 */
@Singleton
public class SubscriptionSync {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionSync.class);
    private static final int ATTEMPTS = 5;
    private final StripeGateway stripe;
    private final SubscriptionReader reader;
    private final BillingAccounts accounts;
    private final AccountChanges changes;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    SubscriptionSync(StripeGateway stripe, SubscriptionReader reader, BillingAccounts accounts, AccountChanges changes, Outbox outbox) {
        this.stripe = stripe;
        this.reader = reader;
        this.accounts = accounts;
        this.changes = changes;
        this.outbox = outbox;
    }

    private OutboxEntry owed(AccountChanges.Change change) {
        if (change.events().isEmpty()) {
            return null;
        }
        Builder entry = outbox.entry();
        change.events().forEach(entry::event);
        return entry.build();
    }

    /** Reads subscription {@code subscriptionId} from Stripe and applies it. */
    public BillingAccount sync(String subscriptionId) throws StripeException {
        Instant fetchedAt = clock.instant();
        return apply(stripe.subscription(subscriptionId), fetchedAt);
    }

    /** Applies {@code subscription} as Stripe answered it at {@code fetchedAt} (taken before the call, to be safe). */
    public BillingAccount apply(Subscription subscription, Instant fetchedAt) {
        String workspaceId = subscription.getMetadata() == null ? null : subscription.getMetadata().get(StripeGateway.WORKSPACE_METADATA);
        if (workspaceId == null) {
            throw new IllegalStateException("Stripe subscription " + subscription.getId() + " carries no workspace id");
        }
        SubscriptionState state = reader.read(subscription, fetchedAt);
        int attempt = 1;
        while (true) {
            BillingAccount current = accounts.get(workspaceId, PlanCatalog.FREE);
            Optional<AccountChanges.Change> change = changes.apply(current, state);
            if (change.isEmpty()) {
                LOG.info("Subscription {} of {} not applied: a newer state is recorded", subscription.getId(), workspaceId);
                return current;
            }
            OutboxEntry owed = owed(change.get());
            if (accounts.write(current, change.get().account(), owed)) {
                return change.get().account();
            }
            if (attempt >= ATTEMPTS) {
                throw new IllegalStateException("billing account of " + workspaceId + " kept changing under subscription " + subscription.getId());
            }
            attempt++;
        }
    }
}

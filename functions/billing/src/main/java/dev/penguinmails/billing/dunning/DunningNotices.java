package dev.penguinmails.billing.dunning;

import com.stripe.model.Invoice;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.DunningStep;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Publishes the dunning steps that Stripe's invoice and trial events call for, so that the owner is told.
 */
@Singleton
public class DunningNotices {
    private final Outbox outbox;
    private final BillingAccounts accounts;
    private final Duration grace;

    DunningNotices(Outbox outbox, BillingAccounts accounts,
                   DunningSettings settings) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.grace = settings.grace();
    }

    /** A renewal failed or needs the customer's action: remind them, with the invoice to pay and the grace left. */
    public void paymentProblem(BillingAccount account, Invoice invoice, String stripeEventId) {
        String graceEnds = account.pastDueSince() == null ? null : account.pastDueSince().plus(grace).toString();
        publish(account, new DunningStep("reminder", account.status(), invoice.getHostedInvoiceUrl(), graceEnds));
    }

    /** The trial ends in three days (Stripe's notice). */
    public void trialWillEnd(BillingAccount account, String stripeEventId) {
        String trialEnd = account.trialEnd() == null ? null : account.trialEnd().toString();
        publish(account, new DunningStep("trial_will_end", account.status(), null, trialEnd));
    }

    private void publish(BillingAccount account, DunningStep step) {
        OutboxEntry entry = outbox.entry()
                .event(DomainEvent.create(BillingEvents.DUNNING_STEP, account.workspaceId(), step))
                .build();
        // Staged on the account's item, so that the relay delivers it should the bus refuse it now.
        Map<String, AttributeValue> key = BillingAccounts.key(account.workspaceId());
        if (!outbox.stage(accounts.table(), key, entry)) {
            throw new IllegalStateException("no billing account for " + account.workspaceId() + " to carry its dunning notice");
        }
        outbox.deliver(accounts.table(), key, entry);
    }

    /** How long after falling past due sending is paused. */
    public Duration grace() {
        return grace;
    }
}

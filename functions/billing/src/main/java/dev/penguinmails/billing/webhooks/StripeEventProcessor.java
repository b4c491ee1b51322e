package dev.penguinmails.billing.webhooks;

import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.checkout.Session;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.dunning.DunningNotices;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.billing.subscriptions.SubscriptionSync;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on one Stripe event. It reads the object afresh from Stripe rather than trusting the event's copy, since events
 * may arrive late or out of order.
 */
@Singleton
public class StripeEventProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(StripeEventProcessor.class);
    private final StripeGateway stripe;
    private final SubscriptionSync sync;
    private final DunningNotices dunning;

    StripeEventProcessor(StripeGateway stripe, SubscriptionSync sync, DunningNotices dunning) {
        this.stripe = stripe;
        this.sync = sync;
        this.dunning = dunning;
    }

    /** Acts on {@code notice}; a throw leaves the event to be retried. */
    public void process(StripeEventNotice notice) throws StripeException {
        String type = notice.type();
        if (type.startsWith("customer.subscription.")) {
            BillingAccount account = sync.sync(notice.objectId());
            if ("customer.subscription.trial_will_end".equals(type)) {
                dunning.trialWillEnd(account, notice.id());
            }
        } else if (type.startsWith("invoice.")) {
            Invoice invoice = stripe.invoice(notice.objectId());
            // Since API 2025-03-31 an invoice names its subscription under parent.subscription_details.
            String subscription = invoice.getParent() != null && invoice.getParent().getSubscriptionDetails() != null
                ? invoice.getParent().getSubscriptionDetails().getSubscription()
                : null;
            if (subscription == null) {
                LOG.info("Stripe event {} ({}) concerns invoice {} of no subscription; nothing to do", notice.id(), type, invoice.getId());
                return;
            }
            BillingAccount account = sync.sync(subscription);
            if ("invoice.payment_failed".equals(type) || "invoice.payment_action_required".equals(type)) {
                dunning.paymentProblem(account, invoice, notice.id());
            }
        } else if ("checkout.session.completed".equals(type)) {
            Session session = stripe.checkoutSession(notice.objectId());
            if (session.getSubscription() != null) {
                sync.sync(session.getSubscription());
            }
        } else {
            LOG.info("Stripe event {} of type {} is not one billing acts on", notice.id(), type);
        }
    }
}

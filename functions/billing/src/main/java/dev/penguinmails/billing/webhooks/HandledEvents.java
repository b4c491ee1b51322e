package dev.penguinmails.billing.webhooks;

import java.util.Set;

/**
 * The Stripe event types billing acts on; the webhook endpoint in Stripe subscribes to these.
 */
public final class HandledEvents {
    public static final Set<String> TYPES = Set.of(
        "checkout.session.completed",
        "customer.subscription.created",
        "customer.subscription.updated",
        "customer.subscription.deleted",
        "customer.subscription.paused",
        "customer.subscription.resumed",
        "customer.subscription.trial_will_end",
        "invoice.paid",
        "invoice.payment_failed",
        "invoice.payment_action_required",
        "invoice.upcoming",
        "invoice.marked_uncollectible"
    );

    private HandledEvents() { }
}

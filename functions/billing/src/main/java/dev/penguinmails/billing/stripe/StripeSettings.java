package dev.penguinmails.billing.stripe;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Where Stripe is reached, and how old a webhook signature may be.
 */
@ConfigurationProperties("penguinmails.stripe")
public record StripeSettings(String apiBase, Duration webhookTolerance) {
    public static final String API_KEY = ConfigKeys.STRIPE_API_KEY;
    public static final String WEBHOOK_SECRET = ConfigKeys.STRIPE_WEBHOOK_SECRET;
}

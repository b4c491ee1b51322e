package dev.penguinmails.local;

import dev.penguinmails.emulators.stripe.StripeStandIn;
import dev.penguinmails.topology.ConfigKeys;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The Stripe stand-in of the local stack: the API base, key and webhook secret that Stripe's clients are given,
 * and the webhook endpoint the stand-in signs and sends its events to.
 */
final class LocalStripe implements AutoCloseable {
    /** The port of stripe-mock, which the stand-in replaces; used unless the API port is chosen freely (tests). */
    static final int DEFAULT_PORT = 12111;
    static final String API_KEY = "sk_test_penguinmails_local";
    static final String WEBHOOK_PATH = "/v1/billing/stripe/webhook";

    private final StripeStandIn standIn;
    private final String webhookSecret;

    private LocalStripe(StripeStandIn standIn, String webhookSecret) {
        this.standIn = standIn;
        this.webhookSecret = webhookSecret;
    }

    /** Starts the stand-in on {@code port} (0 for any free one) with a fresh webhook secret. */
    static LocalStripe start(int port) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new LocalStripe(StripeStandIn.start(port), "whsec_" + HexFormat.of().formatHex(secret));
    }

    /** The properties that point a Stripe client at the stand-in. */
    Map<String, String> properties() {
        return Map.of(
                ConfigKeys.STRIPE_API_BASE, standIn.baseUrl(),
                ConfigKeys.STRIPE_API_KEY, API_KEY,
                ConfigKeys.STRIPE_WEBHOOK_SECRET, webhookSecret);
    }

    /** Sends the stand-in's events to the billing webhook behind {@code apiBaseUrl}, as Stripe would. */
    void deliverWebhooksTo(String apiBaseUrl) {
        standIn.deliverWebhooksTo(apiBaseUrl + WEBHOOK_PATH, webhookSecret);
    }

    String baseUrl() {
        return standIn.baseUrl();
    }

    @Override
    public void close() {
        standIn.close();
    }
}

package dev.penguinmails.billing.stripe;

import com.stripe.StripeClient;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The Stripe client, pointed at {@link StripeSettings#apiBase()} (the local stand-in in the local stack and tests).
 */
@Factory
class StripeClientFactory {
    @Singleton
    StripeClient stripeClient(StripeSecrets secrets, StripeSettings settings) {
        return StripeClient.builder().setApiKey(secrets.apiKey()).setApiBase(settings.apiBase()).setMaxNetworkRetries(2)
            .setConnectTimeout(2000).setReadTimeout(8000).build();
    }
}

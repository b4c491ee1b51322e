package dev.penguinmails.billing.stripe;

import dev.penguinmails.shared.aws.SecretValues;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

/**
 * Stripe's API key and webhook signing secret: given as values (local stack, tests) or read from Secrets Manager.
 */
@Singleton
public class StripeSecrets {
    private final SecretValues secrets;

    StripeSecrets(SecretValues secrets) {
        this.secrets = secrets;
    }

    public String apiKey() {
        return require(StripeSettings.API_KEY);
    }

    public String webhookSecret() {
        return require(StripeSettings.WEBHOOK_SECRET);
    }

    private String require(String key) {
        return secrets.find(key).orElseThrow(() ->
                new ConfigurationException("neither " + key + " nor " + ConfigKeys.secretArn(key) + " is configured"));
    }
}

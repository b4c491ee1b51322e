package dev.penguinmails.shared.aws;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Secrets by configuration key, wherever they are kept: given as the value itself (the local stack and
 * tests set {@code penguinmails.cursor.secret}), or, on AWS, in Secrets Manager under the ARN given as
 * {@code <key>-arn} ({@link ConfigKeys#secretArn}), read once per process and kept in memory. The value
 * itself never travels through environment variables or templates.
 */
@Singleton
public class SecretValues {
    private final Environment environment;
    private final BeanProvider<SecretsManagerClient> secretsManager;
    private final Map<String, String> read = new ConcurrentHashMap<>();

    public SecretValues(Environment environment, BeanProvider<SecretsManagerClient> secretsManager) {
        // A provider, so that the local stack and tests, which give values, never build a client.
        this.environment = environment;
        this.secretsManager = secretsManager;
    }

    /**
     * The secret under {@code key}: the configured value as it is, else the text of the Secrets Manager
     * secret named by {@code <key>-arn}; empty when neither is configured. A secret that cannot be read
     * is a {@link ConfigurationException} naming the key and the ARN.
     */
    public Optional<String> find(String key) {
        Optional<String> value = environment.getProperty(key, String.class);
        if (value.isPresent()) {
            return value;
        }
        return arn(key).map(arn -> read.computeIfAbsent(key, k -> fetch(k, arn)));
    }

    /** The ARN under which {@code key}'s secret is kept, when it is configured that way. */
    public Optional<String> arn(String key) {
        return environment.getProperty(ConfigKeys.secretArn(key), String.class).filter(s -> !s.isBlank());
    }

    private String fetch(String key, String arn) {
        GetSecretValueResponse response;
        try {
            response = secretsManager.get().getSecretValue(b -> b.secretId(arn));
        } catch (SdkException e) {
            throw new ConfigurationException("cannot read " + key + " from the Secrets Manager secret "
                    + arn + " (" + ConfigKeys.secretArn(key) + "): " + e.getMessage(), e);
        }
        String text = response.secretString();
        if (text == null || text.isBlank()) {
            throw new ConfigurationException("the Secrets Manager secret " + arn + " (" + ConfigKeys.secretArn(key)
                    + ") holds no text for " + key);
        }
        return text;
    }
}

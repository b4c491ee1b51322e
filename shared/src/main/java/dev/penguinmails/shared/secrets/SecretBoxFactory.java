package dev.penguinmails.shared.secrets;

import dev.penguinmails.shared.aws.Stages;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The {@link SecretBox} of a family whose access includes customer secrets: KMS data keys under
 * {@code penguinmails.keys.customer-secrets} on AWS, the local master key
 * {@code penguinmails.keys.customer-secrets-local} in the local stack and tests, or, in the local and test stages
 * only, a key generated once per process. Any other stage without a key refuses to build it.
 */
@Factory
public class SecretBoxFactory {

    @Singleton
    SecretBox secretBox(Environment environment, BeanProvider<KmsClient> kms) {
        Optional<String> kmsKey = nonBlank(environment, ConfigKeys.CUSTOMER_SECRETS_KEY);
        if (kmsKey.isPresent()) {
            return new SecretBox(new KmsDataKeys(kms.get(), kmsKey.get()));
        }
        Optional<String> localKey = nonBlank(environment, ConfigKeys.CUSTOMER_SECRETS_LOCAL_KEY);
        if (localKey.isPresent()) {
            return new SecretBox(LocalDataKeys.fromBase64(localKey.get()));
        }
        String stage = Stages.of(environment).orElse("");
        if (Stages.development(stage)) {
            return new SecretBox(ProcessKey.KEYS);
        }
        throw new ConfigurationException("no key for customer secrets: set " + ConfigKeys.CUSTOMER_SECRETS_KEY
                + " (AWS) or " + ConfigKeys.CUSTOMER_SECRETS_LOCAL_KEY + "; a generated key exists only when "
                + ConfigKeys.STAGE + " is local or test (it is '" + stage + "')");
    }

    private static Optional<String> nonBlank(Environment environment, String key) {
        return environment.getProperty(key, String.class).filter(s -> !s.isBlank());
    }

    // Holder idiom: generated on first use, once per class loader, so every context of a test JVM shares it.
    private static final class ProcessKey {
        static final LocalDataKeys KEYS = LocalDataKeys.fromBase64(LocalDataKeys.newMasterKey());
    }
}

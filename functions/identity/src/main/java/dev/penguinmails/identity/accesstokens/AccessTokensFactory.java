package dev.penguinmails.identity.accesstokens;

import dev.penguinmails.shared.aws.Stages;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The {@link AccessTokens} bean, from the first of these that is configured:
 * <ol>
 * <li>{@code penguinmails.auth.signing-key}, a private JWK: signs and verifies (identity, local and test);
 * <li>{@code penguinmails.auth.signing-kms-key}, a KMS key ARN: signs with KMS {@code Sign} and verifies
 *     with the key's public half (identity on AWS);
 * <li>{@code penguinmails.auth.verification-keys}, a public JWK Set: verifies (other functions, local and test);
 * <li>{@code penguinmails.auth.verification-kms-key}, a KMS key ARN: verifies with the public key read
 *     once with KMS {@code GetPublicKey} (every other function on AWS).
 * </ol>
 * In the local and test stages without keys, every context of the process shares one generated key pair
 * ({@link #processDevelopmentKey()}), so tokens one context issues verify in another; any other stage
 * without keys is refused. Secondary, so a function may define its own.
 */
@Factory
public class AccessTokensFactory {
    public static final String SIGNING_KEY = ConfigKeys.ACCESS_TOKEN_SIGNING_KEY;
    public static final String VERIFICATION_KEYS = ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS;

    @Singleton
    @Secondary
    AccessTokens accessTokens(Environment environment, BeanProvider<KmsClient> kms) {
        // A provider: functions given JWKs (local stack, tests) never build a KMS client.
        Optional<String> signing = nonBlank(environment, SIGNING_KEY);
        Optional<String> verification = nonBlank(environment, VERIFICATION_KEYS);
        if (signing.isPresent()) {
            return AccessTokens.signer(signing.get(), verification.orElse(null));
        }
        Optional<String> kmsSigning = nonBlank(environment, ConfigKeys.ACCESS_TOKEN_SIGNING_KMS_KEY);
        if (kmsSigning.isPresent()) {
            KmsAccessTokenKey key = KmsAccessTokenKey.load(kms.get(), kmsSigning.get());
            return AccessTokens.signer(key.signer(kms.get()), key.verificationKeys());
        }
        if (verification.isPresent()) {
            return AccessTokens.verifier(verification.get());
        }
        Optional<String> kmsVerification = nonBlank(environment, ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY);
        if (kmsVerification.isPresent()) {
            return AccessTokens.verifier(KmsAccessTokenKey.load(kms.get(), kmsVerification.get()).verificationKeys());
        }
        String stage = Stages.of(environment).orElse("");
        if (Stages.development(stage)) {
            return AccessTokens.signer(processDevelopmentKey(), null);
        }
        throw new ConfigurationException("no access-token key is configured: set "
                + ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY + " (AWS) or " + VERIFICATION_KEYS
                + "; generated keys exist only when " + ConfigKeys.STAGE + " is local or test (it is '" + stage + "')");
    }

    /** The private JWK this process uses when no keys are configured in a local or test stage. */
    public static String processDevelopmentKey() {
        return DevelopmentKey.JWK;
    }

    private static Optional<String> nonBlank(Environment environment, String key) {
        return environment.getProperty(key, String.class).filter(s -> !s.isBlank());
    }

    // Holder idiom: generated on first use, once per class loader.
    private static final class DevelopmentKey {
        static final String JWK = SigningKeys.generate("dev-" + Long.toHexString(System.nanoTime()));
    }
}

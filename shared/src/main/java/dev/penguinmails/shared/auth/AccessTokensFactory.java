package dev.penguinmails.shared.auth;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The {@link AccessTokens} bean: a signer where {@code penguinmails.auth.signing-key} is set (identity),
 * a verifier where only {@code penguinmails.auth.verification-keys} is (every other function). In the
 * local and test stages without keys, every context of the process shares one generated key pair
 * ({@link #processDevelopmentKey()}), so tokens one context issues verify in another. Secondary, so a
 * function may define its own.
 */
@Factory
public class AccessTokensFactory {
    public static final String SIGNING_KEY = "penguinmails.auth.signing-key";
    public static final String VERIFICATION_KEYS = "penguinmails.auth.verification-keys";
    private static final Set<String> DEV_STAGES = Set.of("local", "test");

    @Singleton
    @Secondary
    AccessTokens accessTokens(Environment environment) {
        String signing = environment.getProperty(SIGNING_KEY, String.class).filter(s -> !s.isBlank()).orElse(null);
        String verification = environment.getProperty(VERIFICATION_KEYS, String.class).filter(s -> !s.isBlank()).orElse(null);
        if (signing != null) {
            return AccessTokens.signer(signing, verification);
        }
        if (verification != null) {
            return AccessTokens.verifier(verification);
        }
        String stage = environment.getProperty(ConfigKeys.STAGE, String.class).orElse("");
        if (DEV_STAGES.contains(stage)) {
            return AccessTokens.signer(processDevelopmentKey(), null);
        }
        throw new ConfigurationException(VERIFICATION_KEYS + " is not set; generated keys exist only when "
                + ConfigKeys.STAGE + " is local or test (it is '" + stage + "')");
    }

    /** The private JWK this process uses when no keys are configured in a local or test stage. */
    public static String processDevelopmentKey() {
        return DevelopmentKey.JWK;
    }

    // Holder idiom: generated on first use, once per class loader.
    private static final class DevelopmentKey {
        static final String JWK = SigningKeys.generate("dev-" + Long.toHexString(System.nanoTime()));
    }
}

package dev.penguinmails.shared.idempotency;

import dev.penguinmails.shared.aws.SecretValues;
import dev.penguinmails.shared.aws.Stages;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an idempotency record keeps of a request body: HMAC-SHA256 under a server key, never a plain hash.
 * Bodies hold passwords; a plain SHA-256 of {@code {"email":..,"password":..}} stored for a day could be
 * brute-forced offline by anyone who reads the table, a keyed one cannot. The key is derived from the cursor
 * secret ({@code penguinmails.cursor.secret}, or its Secrets Manager ARN on AWS) with its own label, so the
 * two uses never share a key and no new secret has to be deployed.
 */
@Singleton
public class RequestFingerprints {
    /** The label that derives this key from the cursor secret; no other use may take it. */
    static final String LABEL = "idempotency-request-hash";
    // Only for the local stack and tests, where nothing real is stored.
    static final String DEV_SECRET = "penguinmails-dev-idempotency-secret-local-and-test-only";
    private static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    @Inject
    public RequestFingerprints(Environment environment, SecretValues secrets) {
        this(secretFor(secrets.find(ConfigKeys.CURSOR_SECRET).orElse(null), Stages.of(environment).orElse(null)));
    }

    public RequestFingerprints(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new ConfigurationException(ConfigKeys.CURSOR_SECRET + " must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        byte[] derived = hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                LABEL.getBytes(StandardCharsets.UTF_8));
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    /** The base64url HMAC-SHA256 of {@code body} under the derived key. */
    public String of(byte[] body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, body));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** The configured secret, else the development default, which only local and test stages get. */
    static String secretFor(@Nullable String configured, @Nullable String stage) {
        if (configured != null) {
            return configured;
        }
        if (Stages.development(stage)) {
            return DEV_SECRET;
        }
        throw new ConfigurationException(ConfigKeys.CURSOR_SECRET_ARN + " (AWS) or " + ConfigKeys.CURSOR_SECRET
                + " is not set; idempotency keys its request hashes with it, and a development default exists only when "
                + ConfigKeys.STAGE + " is local or test (it is '" + stage + "')");
    }
}

package dev.penguinmails.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RequestFingerprintsTest {
    private static final String SECRET = "a-cursor-secret-that-is-long-enough-for-hmac";
    private static final byte[] BODY = "{\"email\":\"a@example.com\",\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHashIsKeyedByAKeyDerivedFromTheCursorSecretUnderItsOwnLabel() throws Exception {
        String fingerprint = new RequestFingerprints(SECRET).of(BODY);

        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] derived = derive.doFinal("idempotency-request-hash".getBytes(StandardCharsets.UTF_8));
        Mac expected = Mac.getInstance("HmacSHA256");
        expected.init(new SecretKeySpec(derived, "HmacSHA256"));
        assertThat(fingerprint).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected.doFinal(BODY)));

        // Not the cursor key itself, and not a hash anyone could compute without the secret.
        Mac cursorKey = Mac.getInstance("HmacSHA256");
        cursorKey.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(fingerprint).isNotEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(cursorKey.doFinal(BODY)))
                .isNotEqualTo(IdempotencyStore.sha256(BODY));
        assertThat(new RequestFingerprints(SECRET + "x").of(BODY)).isNotEqualTo(fingerprint);
    }

    @Test
    void onlyDevelopmentStagesMayRunWithoutTheSecret() {
        assertThat(RequestFingerprints.secretFor(null, "local")).isEqualTo(RequestFingerprints.DEV_SECRET);
        assertThat(RequestFingerprints.secretFor(SECRET, "prod")).isEqualTo(SECRET);
        assertThatThrownBy(() -> RequestFingerprints.secretFor(null, "prod")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("penguinmails.cursor.secret");
        assertThatThrownBy(() -> new RequestFingerprints("short")).isInstanceOf(ConfigurationException.class);
    }
}

package dev.penguinmails.shared.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {
    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hmac";
    private static final Map<String, AttributeValue> KEY = Map.of(
            "pk", AttributeValue.fromS("WS#ws_a#CONTACTS"),
            "sk", AttributeValue.fromS("C#c_01J"),
            "gsi1sk", AttributeValue.fromN("1732550400"),
            "bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255})));
    private final CursorCodec codec = new CursorCodec(SECRET);

    @Test
    void aCursorDecodesToTheKeyItWasMadeFromInItsScope() {
        String cursor = codec.encode(KEY, "ws_a/contacts");

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode(cursor, "ws_a/contacts")).isEqualTo(KEY);
    }

    @Test
    void aCursorFromAnotherTenantOrAnotherListIsRejected() {
        String cursor = codec.encode(KEY, "ws_a/contacts");

        assertInvalid(() -> codec.decode(cursor, "ws_b/contacts"));
        assertInvalid(() -> codec.decode(cursor, "ws_a/campaigns"));
    }

    @Test
    void aTamperedOrForeignCursorIsRejected() {
        String cursor = codec.encode(KEY, "ws_a/contacts");
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        raw[5] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertInvalid(() -> codec.decode(tampered, "ws_a/contacts"));
        assertInvalid(() -> new CursorCodec(SECRET + "-other").decode(cursor, "ws_a/contacts"));
        assertInvalid(() -> codec.decode("not base64!", "ws_a/contacts"));
        assertInvalid(() -> codec.decode("", "ws_a/contacts"));
        assertInvalid(() -> codec.decode("AAAA", "ws_a/contacts"));
    }

    @Test
    void theSecretMustBeConfiguredOutsideLocalAndTest() {
        assertThat(CursorCodec.secretFor(null, "local")).isEqualTo(CursorCodec.DEV_SECRET);
        assertThat(CursorCodec.secretFor(null, "test")).isEqualTo(CursorCodec.DEV_SECRET);
        assertThat(CursorCodec.secretFor(SECRET, "prod")).isEqualTo(SECRET);
        assertThatThrownBy(() -> CursorCodec.secretFor(null, "prod")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> CursorCodec.secretFor(null, null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> new CursorCodec("short")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void theBeanReadsItsSecretFromConfiguration() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("penguinmails.stage", "prod",
                CursorCodec.SECRET_PROPERTY, SECRET))) {
            String cursor = context.getBean(CursorCodec.class).encode(KEY, "s");
            assertThat(codec.decode(cursor, "s")).isEqualTo(KEY);
        }
    }

    private static void assertInvalid(Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_CURSOR));
    }
}

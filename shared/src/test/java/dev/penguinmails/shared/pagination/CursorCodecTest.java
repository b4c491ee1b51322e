package dev.penguinmails.shared.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.testsupport.KmsAndSecretsStandIn;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import dev.penguinmails.testsupport.CapturedStdout;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Base64;
import java.util.HashMap;
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

    @Test
    void onAwsTheBeanReadsItsSecretFromSecretsManagerOnceWhileTheFunctionStarts() {
        try (KmsAndSecretsStandIn aws = new KmsAndSecretsStandIn()) {
            String arn = aws.putSecret("penguinmails-prod-cursor", SECRET);
            Map<String, Object> properties = new HashMap<>(aws.endpointProperties());
            properties.put(ConfigKeys.STAGE, "prod");
            properties.put(ConfigKeys.CURSOR_SECRET_ARN, arn);
            try (ApplicationContext context = ApplicationContext.run(properties)) {
                assertThat(aws.calls("GetSecretValue")).as("read during startup").isEqualTo(1);
                String cursor = context.getBean(CursorCodec.class).encode(KEY, "s");
                assertThat(codec.decode(cursor, "s")).isEqualTo(KEY);
                context.getBean(CursorCodec.class).decode(cursor, "s");
                assertThat(aws.calls("GetSecretValue")).isEqualTo(1);
            }
        }
    }

    @Test
    void aDeployedStageWithoutTheCursorSecretStopsAtStartupWithOneClearLogLine() {
        try (CapturedStdout out = new CapturedStdout()) {
            assertThatThrownBy(() -> ApplicationContext.run(Map.of(ConfigKeys.STAGE, "prod")))
                    .hasStackTraceContaining("Refusing to start on stage 'prod': the cursor secret could not be loaded: "
                            + "penguinmails.cursor.secret-arn (AWS) or penguinmails.cursor.secret is not set");
            assertThat(out.jsonLines().stream().map(l -> l.path("formattedMessage").asText())
                    .filter(m -> m.startsWith("Refusing to start")))
                    .containsExactly("Refusing to start on stage 'prod': the cursor secret could not be loaded: "
                            + "penguinmails.cursor.secret-arn (AWS) or penguinmails.cursor.secret is not set; a development"
                            + " default exists only when penguinmails.stage is local or test (it is 'prod')");
        }
    }

    @Test
    void theLocalAndTestStagesStillStartWithTheDevelopmentSecret() {
        for (String stage : new String[] {"local", "test"}) {
            try (ApplicationContext context = ApplicationContext.run(Map.of(ConfigKeys.STAGE, stage))) {
                String cursor = context.getBean(CursorCodec.class).encode(KEY, "s");
                assertThat(new CursorCodec(CursorCodec.DEV_SECRET).decode(cursor, "s")).as(stage).isEqualTo(KEY);
            }
        }
    }

    private static void assertInvalid(Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_CURSOR));
    }
}

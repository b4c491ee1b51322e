package dev.penguinmails.identity.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.testsupport.CapturedStdout;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fail closed: a deployed stage without its keys does not start, and says why in one log line; only the
 * local and test stages get development keys.
 */
class DeployedStageStartupTest {
    private static final String CURSOR_SECRET = "a-cursor-secret-that-is-long-enough-for-hmac";

    @Test
    void aDeployedStageWithoutAccessTokenKeysStopsAtStartupWithOneClearLogLine() {
        try (CapturedStdout out = new CapturedStdout()) {
            assertThatThrownBy(() -> ApplicationContext.run(Map.of(ConfigKeys.STAGE, "prod",
                    ConfigKeys.CURSOR_SECRET, CURSOR_SECRET)))
                    .satisfies(e -> assertThat(StartupFailures.messages(e)).contains(
                            "Refusing to start on stage 'prod': the access-token keys could not be loaded: "
                                    + "no access-token key is configured: set penguinmails.auth.verification-kms-key (AWS)"
                                    + " or penguinmails.auth.verification-keys"));

            List<JsonNode> refusals = out.jsonLines().stream()
                    .filter(l -> l.path("formattedMessage").asText().startsWith("Refusing to start")).toList();
            assertThat(refusals).singleElement().satisfies(line -> {
                assertThat(line.path("level").asText()).isEqualTo("ERROR");
                assertThat(line.path("formattedMessage").asText())
                        .isEqualTo("Refusing to start on stage 'prod': the access-token keys could not be loaded: "
                                + "no access-token key is configured: set penguinmails.auth.verification-kms-key (AWS)"
                                + " or penguinmails.auth.verification-keys; generated keys exist only when"
                                + " penguinmails.stage is local or test (it is 'prod')");
            });
        }
    }

    @Test
    void aDeployedStageWithItsKeysStartsAndTheDevelopmentStagesNeedNone() {
        String key = SigningKeys.generate("deployed-1");
        try (ApplicationContext context = ApplicationContext.run(Map.of(ConfigKeys.STAGE, "staging",
                ConfigKeys.CURSOR_SECRET, CURSOR_SECRET,
                ConfigKeys.APP_BASE_URL, "https://app.example.com", ConfigKeys.MAIL_FROM, "no-reply@example.com",
                ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS, SigningKeys.publicKeySet(key)))) {
            AccessTokens tokens = context.getBean(AccessTokens.class);
            assertThat(tokens.canSign()).isFalse();
        }
        for (String stage : List.of("local", "test")) {
            try (ApplicationContext context = ApplicationContext.run(Map.of(ConfigKeys.STAGE, stage))) {
                assertThat(context.getBean(AccessTokens.class).canSign()).as(stage).isTrue();
            }
        }
    }
}

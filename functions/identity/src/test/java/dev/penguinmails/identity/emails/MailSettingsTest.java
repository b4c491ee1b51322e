package dev.penguinmails.identity.emails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.identity.accesstokens.SigningKeys;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Email links and sender: defaults only for local and test; elsewhere both set, and links only over https. */
class MailSettingsTest {
    private static final String FROM = "PenguinMails <no-reply@penguinmails.com>";

    @Test
    void developmentStagesGetDefaults() {
        for (String stage : List.of("local", "test")) {
            MailSettings settings = new MailSettings(null, null, stage);
            assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:8080");
            assertThat(settings.from()).isEqualTo(MailSettings.DEV_FROM);
        }
    }

    @Test
    void aDeployedStageNeedsBothSettingsAndAnHttpsBaseUrl() {
        assertThatThrownBy(() -> new MailSettings(null, FROM, "prod")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("penguinmails.app.base-url is not set");
        assertThatThrownBy(() -> new MailSettings("https://app.penguinmails.com", " ", "prod"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("penguinmails.mail.from is not set");
        assertThatThrownBy(() -> new MailSettings("http://app.penguinmails.com", FROM, "prod"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must be an absolute https URL");
        assertThatThrownBy(() -> new MailSettings("https:///nohost", FROM, "staging"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> new MailSettings(null, null, null)).isInstanceOf(ConfigurationException.class);

        MailSettings settings = new MailSettings("https://app.penguinmails.com/", FROM, "prod");
        assertThat(settings.baseUrl()).isEqualTo("https://app.penguinmails.com");
        assertThat(settings.from()).isEqualTo(FROM);
    }

    @Test
    void aDeployedStageWithAPlainHttpBaseUrlStopsAtStartupWithOneClearLogLine() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConfigKeys.STAGE, "staging");
        properties.put(ConfigKeys.CURSOR_SECRET, "a-cursor-secret-that-is-long-enough-for-hmac");
        properties.put(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KEYS, SigningKeys.publicKeySet(SigningKeys.generate("startup-1")));
        properties.put(MailSettings.FROM, FROM);
        properties.put(MailSettings.BASE_URL, "http://app.penguinmails.com");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                    .hasStackTraceContaining("must be an absolute https URL");
        } finally {
            System.setOut(original);
        }
        List<String> refusals = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && message(line).startsWith("Refusing to start")) {
                refusals.add(message(line));
            }
        }
        assertThat(refusals).containsExactly("Refusing to start on stage 'staging': the email settings could not be loaded: "
                + "penguinmails.app.base-url must be an absolute https URL outside the local and test stages "
                + "(it is 'http://app.penguinmails.com')");

        properties.put(MailSettings.BASE_URL, "https://app.penguinmails.com");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(EmailLinks.class).tokenLink("verify-email", "t"))
                    .isEqualTo("https://app.penguinmails.com/verify-email#token=t");
        }
    }

    private static String message(String jsonLine) {
        try {
            JsonNode node = new ObjectMapper().readTree(jsonLine);
            return node.path("formattedMessage").asText();
        } catch (IOException e) {
            throw new AssertionError(jsonLine, e);
        }
    }
}

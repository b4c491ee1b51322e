package dev.penguinmails.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.testsupport.CapturedStdout;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class JsonLoggingTest {

    @Test
    void ourLoggersWriteOneJsonObjectPerLineWithTheMdcAndOthersOnlyWarnings() {
        List<JsonNode> lines;
        try (CapturedStdout out = new CapturedStdout()) {
            MDC.put("requestId", "req_1");
            try {
                LoggerFactory.getLogger("dev.penguinmails.example").info("Sent {} emails", 3);
                LoggerFactory.getLogger("org.example.library").info("chatter nobody asked for");
                LoggerFactory.getLogger("org.example.library").warn("a library warning");
            } finally {
                MDC.clear();
            }
            lines = out.jsonLines();
        }
        assertThat(lines).hasSize(2);
        JsonNode ours = lines.get(0);
        assertThat(ours.path("level").asText()).isEqualTo("INFO");
        assertThat(ours.path("loggerName").asText()).isEqualTo("dev.penguinmails.example");
        assertThat(ours.path("formattedMessage").asText()).isEqualTo("Sent 3 emails");
        assertThat(ours.path("mdc").path("requestId").asText()).isEqualTo("req_1");
        assertThat(ours.has("message")).isFalse();
        assertThat(lines.get(1).path("formattedMessage").asText()).isEqualTo("a library warning");
    }

    @Test
    void logLevelComesFromTheSystemPropertyOrTheEnvironmentAndDefaultsToInfo() {
        String previous = System.getProperty(JsonLogging.LEVEL_VARIABLE);
        try {
            System.setProperty(JsonLogging.LEVEL_VARIABLE, "DEBUG");
            assertThat(JsonLogging.ownLevel()).isEqualTo(Level.DEBUG);
            System.setProperty(JsonLogging.LEVEL_VARIABLE, "not-a-level");
            assertThat(JsonLogging.ownLevel()).isEqualTo(Level.INFO);
        } finally {
            if (previous == null) {
                System.clearProperty(JsonLogging.LEVEL_VARIABLE);
            } else {
                System.setProperty(JsonLogging.LEVEL_VARIABLE, previous);
            }
        }
    }

    @Test
    void rankedBetweenLogbacksFileConfiguratorAndItsFallbackSoAConfigurationFileWins() {
        int rank = JsonLogging.class.getAnnotation(ConfiguratorRank.class).value();

        assertThat(rank).isLessThan(ConfiguratorRank.NOMINAL).isGreaterThan(ConfiguratorRank.FALLBACK);
    }
}

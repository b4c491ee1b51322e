package dev.penguinmails.events.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.events.publish.*}: 5 attempts, backoff from 50 ms up to 2 s, unless configured. */
class PublishSettingsTest {

    @Test
    void defaults() {
        PublishSettings settings = ConfigurationRecords.bind(PublishSettings.class);

        assertThat(settings.retryPolicy())
                .isEqualTo(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(2)));
    }

    @Test
    void anOverrideBinds() {
        PublishSettings settings = ConfigurationRecords.bind(PublishSettings.class, Map.of(
                "penguinmails.events.publish.max-attempts", "3",
                "penguinmails.events.publish.max-delay", "5s"));

        assertThat(settings.retryPolicy())
                .isEqualTo(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5)));
    }
}

package dev.penguinmails.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.idempotency.*}: a 60 s lease and answers kept 24 h unless configured. */
class IdempotencySettingsTest {

    @Test
    void defaults() {
        IdempotencySettings settings = ConfigurationRecords.bind(IdempotencySettings.class);

        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.ttl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void anOverrideBinds() {
        IdempotencySettings settings = ConfigurationRecords.bind(IdempotencySettings.class,
                Map.of("penguinmails.idempotency.ttl", "2h"));

        assertThat(settings.ttl()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(60));
    }
}

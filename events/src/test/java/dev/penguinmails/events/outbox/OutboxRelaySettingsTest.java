package dev.penguinmails.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.outbox.relay.min-age}: 30 s unless configured. */
class OutboxRelaySettingsTest {

    @Test
    void defaults() {
        OutboxRelaySettings settings = ConfigurationRecords.bind(OutboxRelaySettings.class);

        assertThat(settings.minAge()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anOverrideBinds() {
        OutboxRelaySettings settings = ConfigurationRecords.bind(OutboxRelaySettings.class,
                Map.of("penguinmails.outbox.relay.min-age", "0s"));

        assertThat(settings.minAge()).isEqualTo(Duration.ZERO);
    }
}

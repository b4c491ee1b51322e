package dev.penguinmails.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.identity.audit.retention}: 400 days unless configured. */
class AuditSettingsTest {

    @Test
    void defaults() {
        AuditSettings settings = ConfigurationRecords.bind(AuditSettings.class);

        assertThat(settings.retention()).isEqualTo(Duration.ofDays(400));
    }

    @Test
    void anOverrideBinds() {
        AuditSettings settings = ConfigurationRecords.bind(AuditSettings.class, Map.of(
                "penguinmails.identity.audit.retention", "90d"));

        assertThat(settings.retention()).isEqualTo(Duration.ofDays(90));
    }
}

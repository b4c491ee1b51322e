package dev.penguinmails.identity.workspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.identity.workspaces.deletion-grace}: 30 days unless configured, never negative. */
class WorkspaceSettingsTest {

    @Test
    void defaults() {
        WorkspaceSettings settings = ConfigurationRecords.bind(WorkspaceSettings.class);

        assertThat(settings.deletionGrace()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void anOverrideBinds() {
        WorkspaceSettings settings = ConfigurationRecords.bind(WorkspaceSettings.class, Map.of(
                "penguinmails.identity.workspaces.deletion-grace", "1h"));

        assertThat(settings.deletionGrace()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThatThrownBy(() -> new WorkspaceSettings(Duration.ofDays(-1)))
                .hasMessageContaining("deletion-grace cannot be negative");
    }
}

package dev.penguinmails.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.billing.checkout.AppLinkSettings;
import dev.penguinmails.billing.dunning.DunningSettings;
import dev.penguinmails.billing.webhooks.ReplaySettings;
import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.billing.*}: the app at localhost:3000, 7 days of grace, a replay window of 3 days. */
class BillingSettingsTest {

    @Test
    void defaults() {
        assertThat(ConfigurationRecords.bind(AppLinkSettings.class).appUrl()).isEqualTo("http://localhost:3000");
        assertThat(ConfigurationRecords.bind(DunningSettings.class).grace()).isEqualTo(Duration.ofDays(7));
        assertThat(ConfigurationRecords.bind(ReplaySettings.class).window()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void overridesBindUnderTheKeysTheDocsName() {
        Map<String, String> properties = Map.of(
                "penguinmails.billing.app-url", "https://app.example.com",
                "penguinmails.billing.dunning.grace", "2d",
                "penguinmails.billing.replay.window", "12h");

        assertThat(ConfigurationRecords.bind(AppLinkSettings.class, properties).appUrl()).isEqualTo("https://app.example.com");
        assertThat(ConfigurationRecords.bind(DunningSettings.class, properties).grace()).isEqualTo(Duration.ofDays(2));
        assertThat(ConfigurationRecords.bind(ReplaySettings.class, properties).window()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aReplayWindowBeyondWhatStripeListsIsRefused() {
        assertThatThrownBy(() -> new ReplaySettings(Duration.ofDays(31))).hasMessageContaining("replay.window");
        assertThatThrownBy(() -> new DunningSettings(Duration.ofDays(-1))).hasMessageContaining("dunning.grace");
    }
}

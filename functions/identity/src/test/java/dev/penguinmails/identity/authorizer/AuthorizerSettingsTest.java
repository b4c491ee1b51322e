package dev.penguinmails.identity.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.ratelimit.Limit;
import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorizer's {@code penguinmails.auth.*}, its nested {@code authorizer.*} included. */
class AuthorizerSettingsTest {

    @Test
    void defaults() {
        AuthorizerSettings settings = ConfigurationRecords.bind(AuthorizerSettings.class);

        assertThat(settings.sessionCache()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.apiKeyLastUsedInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.failuresPerAddress()).isEqualTo(Limit.perMinute(60));
    }

    @Test
    void anOverrideBinds() {
        AuthorizerSettings settings = ConfigurationRecords.bind(AuthorizerSettings.class, Map.of(
                "penguinmails.auth.authorizer.failures-per-ip-per-minute", "6",
                "penguinmails.auth.session-cache", "0s"));

        assertThat(settings.failuresPerAddress()).isEqualTo(Limit.perMinute(6));
        assertThat(settings.sessionCache()).isEqualTo(Duration.ZERO);
        assertThat(settings.apiKeyLastUsedInterval()).isEqualTo(Duration.ofMinutes(1));
    }
}

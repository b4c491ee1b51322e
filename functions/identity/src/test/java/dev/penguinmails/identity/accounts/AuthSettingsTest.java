package dev.penguinmails.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.ratelimit.Limit;
import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.auth.*}, lockout and throttle nested: the defaults, and overrides down to the nested records. */
class AuthSettingsTest {

    @Test
    void defaults() {
        AuthSettings settings = ConfigurationRecords.bind(AuthSettings.class);

        assertThat(settings.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.sessionTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.refreshReuseGrace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.lockoutThreshold()).isEqualTo(5);
        assertThat(settings.lockoutDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.loginPerIp()).isEqualTo(Limit.perMinute(30));
        assertThat(settings.loginPerAccount()).isEqualTo(Limit.perMinute(10));
        assertThat(settings.signupPerIp()).isEqualTo(Limit.perHour(20));
        assertThat(settings.mailPerAddress()).isEqualTo(Limit.perHour(3));
        assertThat(settings.mailRequestsPerIp()).isEqualTo(Limit.perHour(30));
        assertThat(settings.duplicateSignupNotices()).isEqualTo(Limit.of(3, Duration.ofDays(1)));
        assertThat(settings.lockNotices()).isEqualTo(Limit.of(3, Duration.ofDays(1)));
        assertThat(settings.emailChangePerUser()).isEqualTo(Limit.perHour(5));
        assertThat(settings.resetConfirmsPerIp()).isEqualTo(Limit.perHour(20));
    }

    @Test
    void overridesReachTheNestedRecords() {
        AuthSettings settings = ConfigurationRecords.bind(AuthSettings.class, Map.of(
                "penguinmails.auth.session-ttl", "2d",
                "penguinmails.auth.lockout.threshold", "7",
                "penguinmails.auth.lockout.duration", "1h",
                "penguinmails.auth.throttle.login-per-ip-per-minute", "4",
                "penguinmails.auth.throttle.lock-notices-per-day", "1"));

        assertThat(settings.sessionTtl()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.lockoutThreshold()).isEqualTo(7);
        assertThat(settings.lockoutDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.loginPerIp()).isEqualTo(Limit.perMinute(4));
        assertThat(settings.lockNotices()).isEqualTo(Limit.of(1, Duration.ofDays(1)));
        assertThat(settings.loginPerAccount()).isEqualTo(Limit.perMinute(10));
    }

    @Test
    void aLockoutThresholdBelowOneOrAZeroThrottleIsRefused() {
        assertThatThrownBy(() -> new AuthSettings.Lockout(0, Duration.ofMinutes(15)))
                .hasMessageContaining("penguinmails.auth.lockout.threshold must be at least 1");
        assertThatThrownBy(() -> new AuthSettings.Throttle(30, 10, 20, 3, 30, 3, 0, 5, 20))
                .hasMessageContaining("penguinmails.auth.throttle.lock-notices-per-day must be at least 1");
        assertThatThrownBy(() -> ConfigurationRecords.bind(AuthSettings.class,
                Map.of("penguinmails.auth.lockout.threshold", "0")))
                .hasStackTraceContaining("penguinmails.auth.lockout.threshold must be at least 1");
    }
}

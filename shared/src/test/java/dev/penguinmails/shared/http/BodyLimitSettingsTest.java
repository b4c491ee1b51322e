package dev.penguinmails.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.http.max-body-bytes}: 256 KiB unless configured. */
class BodyLimitSettingsTest {

    @Test
    void defaults() {
        BodyLimitSettings settings = ConfigurationRecords.bind(BodyLimitSettings.class);

        assertThat(settings.maxBodyBytes()).isEqualTo(256 * 1024);
    }

    @Test
    void anOverrideBinds() {
        BodyLimitSettings settings = ConfigurationRecords.bind(BodyLimitSettings.class, Map.of(
                BodyLimitFilter.MAX_BODY_BYTES_PROPERTY, "1024"));

        assertThat(settings.maxBodyBytes()).isEqualTo(1024);
    }
}

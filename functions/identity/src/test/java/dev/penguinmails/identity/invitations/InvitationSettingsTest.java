package dev.penguinmails.identity.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.ratelimit.Limit;
import dev.penguinmails.testsupport.config.ConfigurationRecords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code penguinmails.identity.invitations.*}: links live 7 days; 50 emails a workspace, 20 an inviter, 3 resends. */
class InvitationSettingsTest {

    @Test
    void defaults() {
        InvitationSettings settings = ConfigurationRecords.bind(InvitationSettings.class);

        assertThat(settings.linkLifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.perWorkspace()).isEqualTo(Limit.perHour(50));
        assertThat(settings.perUser()).isEqualTo(Limit.perHour(20));
        assertThat(settings.resendsPerInvitation()).isEqualTo(Limit.perHour(3));
    }

    @Test
    void anOverrideBinds() {
        InvitationSettings settings = ConfigurationRecords.bind(InvitationSettings.class, Map.of(
                "penguinmails.identity.invitations.per-user-per-hour", "2",
                "penguinmails.identity.invitations.link-lifetime", "1d"));

        assertThat(settings.perUser()).isEqualTo(Limit.perHour(2));
        assertThat(settings.linkLifetime()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.perWorkspace()).isEqualTo(Limit.perHour(50));
    }
}

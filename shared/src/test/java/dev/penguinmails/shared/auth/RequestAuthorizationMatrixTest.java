package dev.penguinmails.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestAuthorizationMatrixTest {

    @ParameterizedTest
    @EnumSource(Role.class)
    void peopleGetExactlyWhatTheMatrixGivesTheirRole(Role role) {
        TenantContext tenant = TenantContext.user("ws_1", "usr_1", role);
        Principal verified = Principal.user("usr_1", "ses_1", true);
        for (Permission p : Permission.values()) {
            if (PermissionMatrix.allows(role, p)) {
                RequestAuthorization.check(verified, tenant, p);
            } else {
                assertThatThrownBy(() -> RequestAuthorization.check(verified, tenant, p))
                        .isInstanceOf(ProblemException.class)
                        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
            }
        }
    }

    @Test
    void keysGetWhatTheirScopesSayAndNothingPeopleOnly() {
        TenantContext tenant = TenantContext.apiKey("ws_1", "key_1", Set.of("contacts:read", "campaigns:send"));
        Principal key = Principal.apiKey("key_1", "ws_1");

        RequestAuthorization.check(key, tenant, Permission.CONTACTS_READ);
        RequestAuthorization.check(key, tenant, Permission.CAMPAIGNS_SEND);
        for (Permission p : Permission.values()) {
            boolean granted = p.scope().map(Set.of("contacts:read", "campaigns:send")::contains).orElse(false);
            assertThat(RequestAuthorization.allows(tenant, p)).as(p.name()).isEqualTo(granted);
        }
    }

    @Test
    void unverifiedPeopleCannotSendEvenWithARoleThatMay() {
        TenantContext tenant = TenantContext.user("ws_1", "usr_1", Role.OWNER);

        assertThatThrownBy(() -> RequestAuthorization.check(Principal.user("usr_1", "ses_1", false), tenant, Permission.CAMPAIGNS_SEND))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(AuthProblems.EMAIL_NOT_VERIFIED));
        RequestAuthorization.check(Principal.user("usr_1", "ses_1", false), tenant, Permission.CAMPAIGNS_WRITE);
    }

    @Test
    void principalsKnowWhetherAPersonIsCalling() {
        assertThat(Principal.user("usr_1", "ses_1", true).requireUser()).isEqualTo("usr_1");
        assertThatThrownBy(() -> Principal.apiKey("key_1", "ws_1").requireUser())
                .isInstanceOf(ProblemException.class);
        assertThat(Principal.apiKey("key_1", "ws_1").getName()).isEqualTo("key_1");
    }
}

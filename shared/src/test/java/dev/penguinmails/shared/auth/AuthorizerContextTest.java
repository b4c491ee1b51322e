package dev.penguinmails.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The authorizer context survives the trip through API Gateway, which may turn every value into a string. */
class AuthorizerContextTest {
    @Test
    void aPersonsContextRoundTripsWithScalarValuesOnly() {
        AuthorizerContext context = AuthorizerContext.user("usr_1", "ses_1", false, 1_800_000_000L,
                Map.of("ws_a", new Membership(Role.ADMIN, false), "ws_b", new Membership(Role.VIEWER, true)));

        Map<String, Object> map = context.toMap();
        assertThat(map.values()).allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Number.class, Boolean.class));
        assertThat(AuthorizerContext.fromMap(map)).isEqualTo(context);
        Map<String, String> stringly = new HashMap<>();
        map.forEach((k, v) -> stringly.put(k, v.toString()));
        assertThat(AuthorizerContext.fromMap(stringly)).isEqualTo(context);
    }

    @Test
    void aKeysContextAndRefusalsRoundTrip() {
        AuthorizerContext key = AuthorizerContext.apiKey("key_1", "ws_a", true, Set.of("contacts:write", "workspace:read"), 50, 0);
        assertThat(AuthorizerContext.fromMap(key.toMap())).isEqualTo(key);
        AuthorizerContext throttled = AuthorizerContext.throttled(30, "later");
        assertThat(AuthorizerContext.fromMap(throttled.toMap())).isEqualTo(throttled);
        AuthorizerContext refused = AuthorizerContext.unauthenticated("expired");
        assertThat(AuthorizerContext.fromMap(refused.toMap())).isEqualTo(refused);
    }

    @Test
    void aContextTheAuthorizerDidNotWriteIsRejected() {
        assertThatThrownBy(() -> AuthorizerContext.fromMap(Map.of("principalId", "usr_1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthorizerContext.fromMap(Map.of("verdict", "ALLOW", "principalKind", "USER",
                "principalId", "usr_1", "sessionId", "s", "memberships", "[not json")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

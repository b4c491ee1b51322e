package dev.penguinmails.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import dev.penguinmails.shared.auth.RequestAuthorization.Decision;
import dev.penguinmails.shared.auth.RequestAuthorization.MembershipLookup;
import dev.penguinmails.shared.auth.RequestAuthorization.Route;
import dev.penguinmails.shared.problems.ProblemException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The binder's decisions from an authorizer context, without HTTP. */
class RequestAuthorizationTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final MembershipLookup NO_LOOKUP = (user, workspace) -> Optional.empty();
    private static final Route READ = new Route(Optional.of(Permission.WORKSPACE_READ), false, false, "GET /read");
    private static final Route WRITE = new Route(Optional.of(Permission.CONTACTS_WRITE), false, false, "POST /contacts");
    private static final Route RESTORE = new Route(Optional.of(Permission.WORKSPACE_DELETE), false, true, "POST /restore");
    private static final Route ME = new Route(Optional.empty(), false, false, "GET /me");

    private static AuthorizerContext person(Map<String, Membership> memberships, long expiresAt) {
        return AuthorizerContext.user("usr_1", "ses_1", true, expiresAt, memberships);
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    @Test
    void noContextOnAGuardedRouteIs401() {
        assertThatThrownBy(() -> RequestAuthorization.decide(null, ME, null, NOW, NO_LOOKUP))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void refusedVerdictsBecome401And429WithRetryAfter() {
        assertThatThrownBy(() -> RequestAuthorization.decide(AuthorizerContext.unauthenticated("The API key has been revoked."),
                ME, null, NOW, NO_LOOKUP)).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.detail()).contains("revoked");
                });
        assertThatThrownBy(() -> RequestAuthorization.decide(AuthorizerContext.throttled(42, "slow down"), ME, null, NOW,
                NO_LOOKUP)).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", "42");
                });
    }

    @Test
    void aTokenThatExpiresWhileTheAnswerIsCachedIsRefused() {
        AuthorizerContext context = person(Map.of("ws_a", new Membership(Role.OWNER, false)), NOW.getEpochSecond() - 1);
        assertThatThrownBy(() -> RequestAuthorization.decide(context, READ, "ws_a", NOW, NO_LOOKUP))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.detail()).contains("expired");
                });
        AuthorizerContext fresh = person(Map.of("ws_a", new Membership(Role.OWNER, false)), NOW.getEpochSecond() + 60);
        assertThat(RequestAuthorization.decide(fresh, READ, "ws_a", NOW, NO_LOOKUP).tenant().role()).isEqualTo(Role.OWNER);
    }

    @Test
    void aPersonReachesOnlyTheWorkspacesTheirContextLists() {
        AuthorizerContext context = person(Map.of("ws_a", new Membership(Role.VIEWER, false)), 0);

        Decision a = RequestAuthorization.decide(context, READ, "ws_a", NOW, NO_LOOKUP);
        assertThat(a.tenant().workspaceId()).isEqualTo("ws_a");
        assertThat(a.principal().id()).isEqualTo("usr_1");
        // The same cached context for another workspace: as if that workspace did not exist.
        assertThat(status(() -> RequestAuthorization.decide(context, READ, "ws_b", NOW, NO_LOOKUP))).isEqualTo(404);
        assertThat(status(() -> RequestAuthorization.decide(context, READ, "ws#x", NOW, NO_LOOKUP))).isEqualTo(404);
        // The role decides the permission.
        assertThat(status(() -> RequestAuthorization.decide(context, WRITE, "ws_a", NOW, NO_LOOKUP))).isEqualTo(403);
    }

    @Test
    void aDeletedWorkspaceCountsOnlyWhereTheRouteAllowsIt() {
        AuthorizerContext context = person(Map.of("ws_a", new Membership(Role.OWNER, true)), 0);

        assertThat(status(() -> RequestAuthorization.decide(context, READ, "ws_a", NOW, NO_LOOKUP))).isEqualTo(404);
        assertThat(status(() -> RequestAuthorization.decide(context, RESTORE, "ws_a", NOW, NO_LOOKUP))).isEqualTo(200);
    }

    @Test
    void aMembershipTheContextDoesNotListIsAskedOfTheLookup() {
        AuthorizerContext context = person(Map.of(), 0);
        MembershipLookup joinedSince = (user, workspace) -> "ws_new".equals(workspace)
                ? Optional.of(new Membership(Role.ADMIN, false)) : Optional.empty();

        assertThat(RequestAuthorization.decide(context, READ, "ws_new", NOW, joinedSince).tenant().role()).isEqualTo(Role.ADMIN);
        assertThat(status(() -> RequestAuthorization.decide(context, READ, "ws_other", NOW, joinedSince))).isEqualTo(404);
    }

    @Test
    void anApiKeyActsInItsOwnActiveWorkspaceWithinItsScopes() {
        AuthorizerContext key = AuthorizerContext.apiKey("key_1", "ws_a", true, Set.of("workspace:read"), 100, 0);

        assertThat(RequestAuthorization.decide(key, READ, "ws_a", NOW, NO_LOOKUP).tenant().scopes())
                .containsExactly("workspace:read");
        assertThat(status(() -> RequestAuthorization.decide(key, WRITE, "ws_a", NOW, NO_LOOKUP))).isEqualTo(403);
        assertThat(status(() -> RequestAuthorization.decide(key, READ, "ws_b", NOW, NO_LOOKUP))).isEqualTo(404);
        assertThat(status(() -> RequestAuthorization.decide(key, ME, null, NOW, NO_LOOKUP))).isEqualTo(403);
        assertThat(status(() -> RequestAuthorization.decide(key, new Route(Optional.empty(), true, false, "GET /m"),
                null, NOW, NO_LOOKUP))).isEqualTo(200);

        AuthorizerContext ofDeleted = AuthorizerContext.apiKey("key_1", "ws_a", false, Set.of("workspace:read"), 100, 0);
        assertThat(status(() -> RequestAuthorization.decide(ofDeleted, READ, "ws_a", NOW, NO_LOOKUP))).isEqualTo(401);
    }

    @Test
    void aWorkspaceRouteWithoutAPermissionServesNobody() {
        AuthorizerContext context = person(Map.of("ws_a", new Membership(Role.OWNER, false)), 0);
        assertThat(status(() -> RequestAuthorization.decide(context, ME, "ws_a", NOW, NO_LOOKUP))).isEqualTo(403);
    }
}

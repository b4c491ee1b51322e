package dev.penguinmails.identity.workspaces;

import dev.penguinmails.shared.auth.RequiresPermission;


import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.identity.invitations.Invitation;
import dev.penguinmails.identity.invitations.InvitationStatus;
import dev.penguinmails.identity.invitations.InvitationStore;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.identity.authorizer.ApiKeyCredential;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.PermissionMatrix;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Authorisation, route by route and role by role, against the permission matrix: on every documented
 * workspace route, a role the matrix denies gets 403 {@code forbidden}, and a role it allows gets past
 * authorisation (whatever the handler then says about the empty body). API keys likewise by scope.
 * Each attempt runs in a fresh workspace, so what one allowed call changes cannot affect the next.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class AuthorizationMatrixTest implements TestPropertyProvider {
    /** Workspace routes whose permission has a scope but that only people can use (the handler says so). */
    private static final Set<String> PEOPLE_ONLY = Set.of("POST /v1/workspaces/{workspaceId}/leave");
    private static final Set<Integer> NOT_AUTHORISED = Set.of(401, 403, 404);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Router router;

    TestHttp api;
    IdentityFixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    /** A fresh workspace with an owner, a viewer to act on, a pending invitation and a key. */
    private record Stage(String workspaceId, Person owner, Map<String, String> values) { }

    private Stage stage() {
        Person owner = fixtures.person("Owner");
        Person target = fixtures.person("Target");
        String ws = fixtures.workspace(owner, "Matrix");
        fixtures.member(ws, target, Role.VIEWER);
        // Written through the stores, not the API: this runs ~100 times and only needs the items to exist.
        String invitationId = Ids.newId("inv");
        String email = "invitee." + target.userId().toLowerCase() + "@example.com";
        context.getBean(InvitationStore.class).create(TenantContext.system(ws, "test"), new Invitation(invitationId, ws,
                email, email, Role.VIEWER, InvitationStatus.PENDING, owner.userId(), Instant.now(), 1, Instant.now(),
                null, null, null, null, null, 1));
        String keyId = ApiKeyCredential.parse(fixtures.apiKey(ws, Set.of("contacts:read"))).orElseThrow().keyId();
        return new Stage(ws, owner, Map.of("workspaceId", ws, "userId", target.userId(), "invitationId", invitationId,
                "keyId", keyId));
    }

    private Reply call(WorkspaceRoutes.Operation operation, Stage stage, String bearer) {
        return api.sendAs(operation.method(), operation.resolve(stage.values()), operation.hasBody() ? "{}" : null, bearer);
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixGivesItOnEveryWorkspaceRoute() {
        api = new TestHttp(server.getURL());
        fixtures = new IdentityFixtures(context);
        List<WorkspaceRoutes.Operation> operations = WorkspaceRoutes.documented(context.getClassLoader(), router);
        assertThat(operations).hasSizeGreaterThanOrEqualTo(14);
        List<String> wrong = new ArrayList<>();

        for (WorkspaceRoutes.Operation operation : operations) {
            if (operation.permission().isEmpty()) {
                wrong.add(operation + " declares no @RequiresPermission");
                continue;
            }
            Permission permission = operation.permission().get();
            Stage shared = null;
            for (Role role : Role.values()) {
                boolean allowed = PermissionMatrix.allows(role, permission);
                // A call that may change something gets a workspace of its own; refusals and reads share one.
                Stage stage = allowed && !operation.method().equals("GET") ? stage() : shared == null ? (shared = stage()) : shared;
                String bearer;
                if (role == Role.OWNER) {
                    bearer = stage.owner().token();
                } else {
                    Person actor = fixtures.person("Actor " + role.wireName());
                    fixtures.member(stage.workspaceId(), actor, role);
                    bearer = actor.token();
                }
                Reply reply = call(operation, stage, bearer);
                if (allowed && NOT_AUTHORISED.contains(reply.status())) {
                    wrong.add(operation + " as " + role.wireName() + " should pass (" + permission + "): " + reply);
                } else if (!allowed && !(reply.status() == 403 && "forbidden".equals(reply.problem()))) {
                    wrong.add(operation + " as " + role.wireName() + " should be 403 (" + permission + "): " + reply);
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void apiKeysGetWhatTheirScopesGiveOnEveryWorkspaceRoute() {
        api = new TestHttp(server.getURL());
        fixtures = new IdentityFixtures(context);
        Set<String> allScopes = Arrays.stream(Permission.values()).flatMap(p -> p.scope().stream()).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();

        for (WorkspaceRoutes.Operation operation : WorkspaceRoutes.documented(context.getClassLoader(), router)) {
            Permission permission = operation.permission().orElseThrow();
            var scope = permission.scope();
            // One workspace per route: the refused call first (it changes nothing), then the allowed one.
            Stage stage = stage();
            if (scope.isPresent()) {
                Set<String> others = new java.util.HashSet<>(allScopes);
                others.remove(scope.get());
                Reply denied = call(operation, stage, fixtures.apiKey(stage.workspaceId(), others));
                if (denied.status() != 403) {
                    wrong.add(operation + " without scope " + scope.get() + " should be 403: " + denied);
                }
            }
            Set<String> granted = scope.map(Set::of).orElse(allScopes);
            Reply reply = call(operation, stage, fixtures.apiKey(stage.workspaceId(), granted));
            boolean allowed = scope.isPresent() && !PEOPLE_ONLY.contains(operation.toString());
            if (allowed && NOT_AUTHORISED.contains(reply.status())) {
                wrong.add(operation + " with scope " + scope.get() + " should pass: " + reply);
            } else if (!allowed && reply.status() != 403) {
                wrong.add(operation + " is for people only, yet a key with " + granted + " got: " + reply);
            }
        }

        assertThat(wrong).isEmpty();
    }
}

package dev.penguinmails.identity;

import dev.penguinmails.identity.workspaces.IdentityFixtures;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.BadJsonBodies;
import dev.penguinmails.testsupport.TableSnapshot;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every JSON route of every identity family refuses malformed Unicode, values of the wrong JSON type and
 * duplicate fields with a 400 problem naming the field, and the identity table is the same afterwards.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class BadInputTest implements TestPropertyProvider {
    private static final String PASSWORD = "violet-tractor-sings-Quarterly-42";
    private static final String TOKEN = "a".repeat(43);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    TestHttp api;
    IdentityFixtures fixtures;
    Person owner;
    Person member;
    String workspace;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    @BeforeAll
    void setUp() {
        api = new TestHttp(server.getURL());
        fixtures = new IdentityFixtures(context);
        owner = fixtures.person("Olga Owner");
        member = fixtures.person("Max Member");
        workspace = fixtures.workspace(owner, "Acme");
        fixtures.member(workspace, member, Role.MEMBER);
    }

    @Test
    void signup() {
        refused("POST", "/v1/signup", null, """
                {"email":"new@example.com","password":"%s","name":"Nina New","workspaceName":"Nina's","timezone":"UTC","locale":"en"}"""
                .formatted(PASSWORD));
    }

    @Test
    void auth() {
        refused("POST", "/v1/auth/login", null, "{\"email\":\"" + owner.email() + "\",\"password\":\"" + PASSWORD + "\"}");
        refused("POST", "/v1/auth/refresh", null, "{\"refreshToken\":\"" + TOKEN + "\"}");
        refused("POST", "/v1/auth/verify-email", null, "{\"token\":\"" + TOKEN + "\"}");
        refused("POST", "/v1/auth/resend-verification", null, "{\"email\":\"" + owner.email() + "\"}");
        refused("POST", "/v1/auth/password-reset", null, "{\"email\":\"" + owner.email() + "\"}");
        refused("POST", "/v1/auth/password-reset/confirm", null, "{\"token\":\"" + TOKEN + "\",\"newPassword\":\"" + PASSWORD + "\"}");
    }

    @Test
    void me() {
        refused("PATCH", "/v1/me", owner.token(), "{\"name\":\"Olga\",\"timezone\":\"Europe/Madrid\",\"locale\":\"es\"}");
        refused("POST", "/v1/me/email-change", owner.token(), "{\"newEmail\":\"olga@example.org\",\"password\":\"" + PASSWORD + "\"}");
        refused("POST", "/v1/me/email-change/confirm", null, "{\"token\":\"" + TOKEN + "\"}");
    }

    @Test
    void workspaces() {
        refused("POST", "/v1/workspaces", owner.token(), "{\"name\":\"Acme outbound\"}");
        refused("PATCH", "/v1/workspaces/" + workspace, owner.token(), "{\"name\":\"Acme EU\"}");
    }

    @Test
    void members() {
        refused("PATCH", "/v1/workspaces/" + workspace + "/members/" + member.userId(), owner.token(), "{\"role\":\"admin\"}");
        refused("POST", "/v1/workspaces/" + workspace + "/transfer-ownership", owner.token(),
                "{\"userId\":\"" + member.userId() + "\",\"previousOwnerRole\":\"admin\"}");
    }

    @Test
    void invitations() {
        refused("POST", "/v1/workspaces/" + workspace + "/invitations", owner.token(), "{\"email\":\"ada@example.com\",\"role\":\"member\"}");
        refused("POST", "/v1/workspaces/" + workspace + "/invitations/inv_01JD5Q2X7V4G0ZK3M8N6P9R2TS", owner.token(),
                "{\"action\":\"resend\"}");
        refused("POST", "/v1/invitations/accept", null, """
                {"token":"%s","name":"Ada","password":"%s","timezone":"UTC","locale":"en"}""".formatted(TOKEN, PASSWORD));
    }

    @Test
    void apiKeys() {
        refused("POST", "/v1/workspaces/" + workspace + "/api-keys", owner.token(), """
                {"name":"CRM sync","scopes":["contacts:read"],"expiresAt":"2030-01-01T00:00:00Z","rateLimitPerMinute":60}""");
    }

    private void refused(String method, String path, String bearer, String validBody) {
        BadJsonBodies.assertEachRefused(body -> api.sendAs(method, path, body, bearer), validBody,
                () -> TableSnapshot.of(fixtures.dynamo(), fixtures.table()));
    }
}

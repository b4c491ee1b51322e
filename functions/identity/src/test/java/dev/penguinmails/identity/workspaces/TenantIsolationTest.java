package dev.penguinmails.identity.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tenant isolation, route by route: a member of workspace A (with an access token, and with an A key
 * holding every scope) gets exactly the 404 of a workspace that does not exist on EVERY documented
 * workspace route of workspace B, learns nothing of B, and changes nothing in B. Routes come from the
 * generated OpenAPI document, so a route added later is covered without touching this test.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class TenantIsolationTest implements TestPropertyProvider {
    private static final String B_NAME = "Bravo Secret Projects";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    @Test
    void aMemberOfAnotherWorkspaceGets404OnEveryWorkspaceRouteWithTokensAndKeys() {
        TestHttp api = new TestHttp(server.getURL());
        IdentityFixtures fixtures = new IdentityFixtures(context);
        List<WorkspaceRoutes.Operation> operations = WorkspaceRoutes.documented(context.getClassLoader(), router);
        assertThat(operations).as("workspace routes in the OpenAPI document").hasSizeGreaterThanOrEqualTo(14);

        Person alice = fixtures.person("Alice Attacker");
        String a = fixtures.workspace(alice, "Alpha");
        String allScopesKeyOfA = fixtures.apiKey(a, Arrays.stream(Permission.values()).flatMap(p -> p.scope().stream())
                .collect(Collectors.toSet()));
        Person stranger = fixtures.person("Stan Stranger");

        Person bob = fixtures.person("Bob Victim");
        Person bea = fixtures.person("Bea Victim");
        String b = fixtures.workspace(bob, B_NAME);
        fixtures.member(b, bea, Role.ADMIN);
        Reply invitation = api.post("/v1/workspaces/" + b + "/invitations", "{\"email\":\"carol.secret@example.com\",\"role\":\"member\"}",
                bob.token());
        Reply key = api.post("/v1/workspaces/" + b + "/api-keys", "{\"name\":\"b key\",\"scopes\":[\"contacts:read\"]}", bob.token());
        assertThat(invitation.status()).isEqualTo(201);
        assertThat(key.status()).isEqualTo(201);
        Map<String, String> values = Map.of("workspaceId", b, "userId", bea.userId(),
                "invitationId", invitation.json().get("id").asText(), "keyId", key.json().get("apiKey").get("id").asText());
        Map<String, Map<String, AttributeValue>> before = itemsOf(fixtures, b);
        String notFound = api.get("/v1/workspaces/ws_01JD5Q2X7V4G0ZK3M8N6P9R2TS", alice.token()).json().get("detail").asText();

        List<String> leaks = new ArrayList<>();
        Map<String, String> callers = Map.of("member of A (token)", alice.token(), "key of A (all scopes)", allScopesKeyOfA,
                "member of nothing (token)", stranger.token());
        for (WorkspaceRoutes.Operation operation : operations) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                String path = operation.resolve(values);
                Reply reply = api.sendAs(operation.method(), path, operation.hasBody() ? "{}" : null, caller.getValue());
                String where = operation + " as " + caller.getKey() + ": " + reply;
                if (reply.status() != 404 || !"not-found".equals(reply.problem())
                        || !notFound.equals(reply.json().path("detail").asText())) {
                    leaks.add("not the plain 404: " + where);
                }
                for (String secret : List.of(B_NAME, bob.userId(), bea.email(), "carol.secret", "b key")) {
                    if (reply.body().contains(secret)) {
                        leaks.add("revealed '" + secret + "': " + where);
                    }
                }
            }
        }

        assertThat(leaks).isEmpty();
        assertThat(itemsOf(fixtures, b)).as("workspace B's items").isEqualTo(before);
        assertThat(api.get("/v1/workspaces/" + b, bob.token()).json().get("name").asText()).isEqualTo(B_NAME);
    }

    /** B's items by key, leaving out the rate-limit buckets requests may touch. */
    private static Map<String, Map<String, AttributeValue>> itemsOf(IdentityFixtures fixtures, String workspaceId) {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        for (Map<String, AttributeValue> item : fixtures.itemsMentioning(workspaceId)) {
            items.put(item.get("pk").s() + "|" + item.get("sk").s(), new HashMap<>(item));
        }
        return items;
    }
}

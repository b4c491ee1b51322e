package dev.penguinmails.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.identity.workspaces.IdentityFixtures;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The audit trail: who did what to what, when and from where; newest first, paged, for admins and owners. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class AuditLogApiTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    AuditLog audit;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    @Test
    void securityActionsAreListedNewestFirstInPagesWithActorTargetAndClient() {
        TestHttp api = new TestHttp(server.getURL());
        IdentityFixtures fixtures = new IdentityFixtures(context);
        Person owner = fixtures.person("Owner");
        Person viewer = fixtures.person("Viewer");
        String ws = fixtures.workspace(owner, "Audited");
        fixtures.member(ws, viewer, Role.VIEWER);

        api.sendAs("PATCH", "/v1/workspaces/" + ws + "/members/" + viewer.userId(), "{\"role\":\"member\"}", owner.token(),
                "User-Agent", "AuditTest/1.0", "X-Forwarded-For", "203.0.113.9");
        api.patch("/v1/workspaces/" + ws, "{\"name\":\"Renamed\"}", owner.token());
        String keyId = api.post("/v1/workspaces/" + ws + "/api-keys", "{\"name\":\"k\",\"scopes\":[\"audit:read\"]}",
                owner.token()).json().get("apiKey").get("id").asText();
        api.delete("/v1/workspaces/" + ws + "/api-keys/" + keyId, owner.token());

        Reply first = api.get("/v1/workspaces/" + ws + "/audit-log?limit=2", owner.token());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        first.json().get("items").forEach(entries::add);
        Reply second = api.get("/v1/workspaces/" + ws + "/audit-log?limit=2&cursor=" + first.json().get("nextCursor").asText(),
                owner.token());
        second.json().get("items").forEach(entries::add);

        assertThat(entries.stream().map(e -> e.get("action").asText()).toList())
                .containsExactly("api_key.revoked", "api_key.created", "workspace.renamed", "member.role_changed");
        JsonNode roleChange = entries.get(3);
        assertThat(roleChange.get("actor").get("id").asText()).isEqualTo(owner.userId());
        assertThat(roleChange.get("actor").get("kind").asText()).isEqualTo("USER");
        assertThat(roleChange.get("target").get("id").asText()).isEqualTo(viewer.userId());
        assertThat(roleChange.get("details").get("from").asText()).isEqualTo("viewer");
        assertThat(roleChange.get("details").get("to").asText()).isEqualTo("member");
        assertThat(roleChange.get("userAgent").asText()).isEqualTo("AuditTest/1.0");
        assertThat(roleChange.get("ip").asText()).isNotBlank();
        assertThat(Instant.parse(roleChange.get("occurredAt").asText())).isBefore(Instant.parse(entries.get(0).get("occurredAt").asText()).plusMillis(1));

        // Members may not read it; a key with audit:read may; another workspace's cursor is refused.
        assertThat(api.get("/v1/workspaces/" + ws + "/audit-log", viewer.token()).status()).isEqualTo(403);
        assertThat(api.get("/v1/workspaces/" + ws + "/audit-log", fixtures.apiKey(ws, Set.of("audit:read"))).status()).isEqualTo(200);
        String other = fixtures.workspace(owner, "Other");
        Reply foreignCursor = api.get("/v1/workspaces/" + other + "/audit-log?cursor=" + first.json().get("nextCursor").asText(),
                owner.token());
        assertThat(foreignCursor.status()).isEqualTo(400);
        assertThat(foreignCursor.problem()).isEqualTo("invalid-cursor");
    }

    @Test
    void accountLevelEntriesAreKeptUnderTheUserTheyConcern() {
        IdentityFixtures fixtures = new IdentityFixtures(context);
        Person person = fixtures.person("Account Holder");

        audit.record(new AuditEntry(null, person.userId(), ActorKind.USER, "auth.login.succeeded", "user", person.userId(),
                "198.51.100.7", "curl/8", Instant.now(), Map.of("device", "new")));

        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items = fixtures.dynamo()
                .query(r -> r.tableName(fixtures.table()).keyConditionExpression("pk = :pk AND begins_with(sk, :a)")
                        .expressionAttributeValues(Map.of(":pk", IdentityKeys.user(person.userId()).get("pk"),
                                ":a", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("AUDIT#"))))
                .items();
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("action").s()).isEqualTo("auth.login.succeeded");
        assertThat(items.get(0).get("ip").s()).isEqualTo("198.51.100.7");
        assertThat(items.get(0).get("expiresAt").n()).isNotBlank();
    }
}

package dev.penguinmails.identity.apikeys;

import dev.penguinmails.shared.auth.Permission;


import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.identity.workspaces.IdentityFixtures;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Workspace API keys: shown once, stored hashed, scoped within the creator's role, expiring, revocable. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class ApiKeyApiTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    TestHttp api;
    IdentityFixtures fixtures;
    Person owner;
    String ws;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    @BeforeEach
    void setUp() {
        api = new TestHttp(server.getURL());
        fixtures = new IdentityFixtures(context);
        owner = fixtures.person("Owner");
        ws = fixtures.workspace(owner, "Keys");
    }

    private Reply create(String body, String bearer) {
        return api.post("/v1/workspaces/" + ws + "/api-keys", body, bearer);
    }

    @Test
    void theKeyIsShownOnceStoredOnlyAsAHashAndWorksAtOnce() {
        Reply created = create("{\"name\":\"CRM sync\",\"scopes\":[\"contacts:read\",\"workspace:read\"]}", owner.token());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asText();
        JsonNode view = created.json().get("apiKey");
        String keyId = view.get("id").asText();
        assertThat(key).startsWith("pmk_" + keyId + "_").startsWith(view.get("prefix").asText());
        assertThat(view.get("scopes")).hasSize(2);
        assertThat(view.get("status").asText()).isEqualTo("active");
        assertThat(view.get("rateLimitPerMinute").asInt()).isEqualTo(600);

        Map<String, AttributeValue> stored = fixtures.dynamo().getItem(r -> r.tableName(fixtures.table())
                .key(IdentityKeys.apiKey(keyId)).consistentRead(true)).item();
        assertThat(stored.get("secretHash").s()).isEqualTo(SecretHash.sha256Hex(key));
        assertThat(stored.values().stream().map(AttributeValue::s)).doesNotContain(key);

        Reply listed = api.get("/v1/workspaces/" + ws + "/api-keys", owner.token());
        assertThat(listed.body()).doesNotContain(key.substring(key.length() - 20));
        assertThat(listed.json().get("items").get(0).get("id").asText()).isEqualTo(keyId);

        assertThat(api.get("/v1/workspaces/" + ws, key).status()).isEqualTo(200);
        JsonNode afterUse = api.get("/v1/workspaces/" + ws + "/api-keys", owner.token()).json().get("items").get(0);
        assertThat(Instant.parse(afterUse.get("lastUsedAt").asText())).isAfter(Instant.now().minusSeconds(30));
    }

    @Test
    void revokingStopsTheKeyAtOnceAndIsHarmlessTwice() {
        Reply created = create("{\"name\":\"temp\",\"scopes\":[\"workspace:read\"]}", owner.token());
        String key = created.json().get("key").asText();
        String keyId = created.json().get("apiKey").get("id").asText();
        assertThat(api.get("/v1/workspaces/" + ws, key).status()).isEqualTo(200);

        Reply revoked = api.delete("/v1/workspaces/" + ws + "/api-keys/" + keyId, owner.token());

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("revoked");
        assertThat(api.get("/v1/workspaces/" + ws, key).status()).isEqualTo(401);
        assertThat(api.delete("/v1/workspaces/" + ws + "/api-keys/" + keyId, owner.token()).status()).isEqualTo(200);
        List<String> actions = new java.util.ArrayList<>();
        api.get("/v1/workspaces/" + ws + "/audit-log", owner.token()).json().get("items")
                .forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions.stream().filter("api_key.revoked"::equals)).hasSize(1);
        assertThat(actions).contains("api_key.created");
    }

    @Test
    void aKeyPastItsExpiryStopsWorking() {
        Instant soon = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        Reply created = create("{\"name\":\"short\",\"scopes\":[\"workspace:read\"],\"expiresAt\":\"" + soon + "\"}", owner.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asText();
        String keyId = created.json().get("apiKey").get("id").asText();
        assertThat(created.json().get("apiKey").get("expiresAt").asText()).isEqualTo(soon.toString());
        assertThat(api.get("/v1/workspaces/" + ws, key).status()).isEqualTo(200);

        fixtures.dynamo().updateItem(r -> r.tableName(fixtures.table()).key(IdentityKeys.apiKey(keyId))
                .updateExpression("SET validUntil = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() - 1)))));

        Reply expired = api.get("/v1/workspaces/" + ws, key);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("detail").asText()).contains("expired");
        assertThat(api.get("/v1/workspaces/" + ws + "/api-keys", owner.token()).json().get("items").get(0)
                .get("status").asText()).isEqualTo("expired");
    }

    @Test
    void scopesMustBeRealAndWithinTheCreatorsRole() {
        Person admin = fixtures.person("Admin");
        fixtures.member(ws, admin, Role.ADMIN);
        Person unverified = fixtures.person("Unverified", false);
        fixtures.member(ws, unverified, Role.ADMIN);
        Person member = fixtures.person("Member");
        fixtures.member(ws, member, Role.MEMBER);

        Reply unknown = create("{\"name\":\"x\",\"scopes\":[\"contacts:read\",\"root:all\",\"contacts:read\"]}", owner.token());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problem()).isEqualTo("validation-failed");
        assertThat(unknown.json().get("errors").findValuesAsText("field")).containsExactly("scopes[1]", "scopes[2]");

        assertThat(create("{\"name\":\"x\",\"scopes\":[]}", owner.token()).status()).isEqualTo(400);
        assertThat(create("{\"name\":\"\",\"scopes\":[\"contacts:read\"]}", owner.token()).status()).isEqualTo(400);
        assertThat(create("{\"name\":\"x\",\"scopes\":[\"contacts:read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
                owner.token()).json().get("errors").get(0).get("field").asText()).isEqualTo("expiresAt");
        assertThat(create("{\"name\":\"x\",\"scopes\":[\"contacts:read\"],\"rateLimitPerMinute\":0}", owner.token())
                .status()).isEqualTo(400);
        assertThat(create("{\"name\":\"x\",\"scopes\":[\"contacts:read\"],\"expiresAt\":\"tomorrow\"}", owner.token())
                .status()).isEqualTo(400);

        Reply beyondRole = create("{\"name\":\"x\",\"scopes\":[\"campaigns:send\"]}", unverified.token());
        assertThat(beyondRole.status()).isEqualTo(403);
        assertThat(beyondRole.problem()).isEqualTo("email-not-verified");
        assertThat(create("{\"name\":\"x\",\"scopes\":[\"contacts:read\"]}", member.token()).status()).isEqualTo(403);
        assertThat(create("{\"name\":\"ok\",\"scopes\":[\"campaigns:send\",\"audit:read\"]}", admin.token()).status())
                .isEqualTo(201);

        JsonNode items = api.get("/v1/workspaces/" + ws + "/api-keys", owner.token()).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("name").asText()).isEqualTo("ok");
    }

    @Test
    void onlyPeopleWithAVerifiedAddressCreateKeysWhateverTheScopes() {
        Person unverified = fixtures.person("Unverified", false);
        fixtures.member(ws, unverified, Role.ADMIN);

        Reply readOnly = create("{\"name\":\"x\",\"scopes\":[\"workspace:read\"]}", unverified.token());

        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.problem()).isEqualTo("email-not-verified");
        assertThat(api.get("/v1/workspaces/" + ws + "/api-keys", owner.token()).json().path("items")).isEmpty();
    }

    @Test
    void anIdempotencyKeyNeverStoresNorReplaysACreatedKey() {
        String body = "{\"name\":\"retried\",\"scopes\":[\"workspace:read\"]}";
        String idempotencyKey = "create-key-" + owner.userId();

        Reply first = api.sendAs("POST", "/v1/workspaces/" + ws + "/api-keys", body, owner.token(), "Idempotency-Key", idempotencyKey);
        Reply retry = api.sendAs("POST", "/v1/workspaces/" + ws + "/api-keys", body, owner.token(), "Idempotency-Key", idempotencyKey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEmpty();
        String key = first.json().get("key").asText();
        assertThat(retry.json().get("key").asText()).isNotEqualTo(key);
        // The whole key exists only in the response: nothing in the table holds it, idempotency records included.
        // pmk_<key id>_<43 base64url characters>; the secret itself may hold '_', so it is taken by its length.
        String secretPart = key.substring(key.length() - 43);
        assertThat(fixtures.dynamo().scanPaginator(r -> r.tableName(fixtures.table())).items().stream()
                .flatMap(item -> item.values().stream())
                .map(v -> v.s() != null ? v.s()
                        : v.b() != null ? new String(v.b().asByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1) : "")
                .filter(text -> text.contains(secretPart))).isEmpty();
    }

    @Test
    void aKeyCannotManageKeysEvenWithEveryScope() {
        String key = fixtures.apiKey(ws, java.util.Arrays.stream(dev.penguinmails.shared.auth.Permission.values())
                .flatMap(p -> p.scope().stream()).collect(java.util.stream.Collectors.toSet()));

        assertThat(create("{\"name\":\"x\",\"scopes\":[\"contacts:read\"]}", key).status()).isEqualTo(403);
        assertThat(api.get("/v1/workspaces/" + ws + "/api-keys", key).status()).isEqualTo(403);
    }

    @Test
    void keysOfOtherWorkspacesCannotBeRevokedFromHere() {
        Person other = fixtures.person("Other");
        String otherWs = fixtures.workspace(other, "Other");
        Reply created = api.post("/v1/workspaces/" + otherWs + "/api-keys", "{\"name\":\"theirs\",\"scopes\":[\"workspace:read\"]}",
                other.token());
        String theirKeyId = created.json().get("apiKey").get("id").asText();

        Reply attempt = api.delete("/v1/workspaces/" + ws + "/api-keys/" + theirKeyId, owner.token());

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(api.get("/v1/workspaces/" + otherWs, created.json().get("key").asText()).status()).isEqualTo(200);
    }
}

package dev.penguinmails.identity.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The workspace endpoints through the Lambda handler: create, list, read, rename, soft-delete, restore. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class WorkspaceApiTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    TestHttp api;
    IdentityFixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    @BeforeEach
    void setUp() {
        api = new TestHttp(server.getURL());
        fixtures = new IdentityFixtures(context);
    }

    @Test
    void aPersonCreatesAWorkspaceOwnsItAndSeesItInTheirList() {
        Person ada = fixtures.person("Ada");

        Reply created = api.post("/v1/workspaces", "{\"name\":\"  Acme outbound \"}", ada.token());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode ws = created.json();
        assertThat(ws.get("id").asText()).startsWith("ws_");
        assertThat(ws.get("name").asText()).isEqualTo("Acme outbound");
        assertThat(ws.get("role").asText()).isEqualTo("owner");
        assertThat(ws.get("ownerId").asText()).isEqualTo(ada.userId());
        assertThat(created.header("Location")).contains("/v1/workspaces/" + ws.get("id").asText());

        Reply list = api.get("/v1/workspaces", ada.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.json().get("items"))).containsExactly(ws.get("id").asText());
        Reply one = api.get("/v1/workspaces/" + ws.get("id").asText(), ada.token());
        assertThat(one.json().get("name").asText()).isEqualTo("Acme outbound");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneWorkspace() {
        Person ada = fixtures.person("Ada");
        String key = "create-" + ada.userId();

        Reply first = api.sendAs("POST", "/v1/workspaces", "{\"name\":\"Once\"}", ada.token(), "Idempotency-Key", key);
        Reply retry = api.sendAs("POST", "/v1/workspaces", "{\"name\":\"Once\"}", ada.token(), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(retry.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(ids(api.get("/v1/workspaces", ada.token()).json().get("items"))).hasSize(1);
        // Keys are scoped to the caller: another person's request with the same key is their own.
        Person bob = fixtures.person("Bob");
        Reply bobs = api.sendAs("POST", "/v1/workspaces", "{\"name\":\"Once\"}", bob.token(), "Idempotency-Key", key);
        assertThat(bobs.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    }

    @Test
    void theListPagesWithACursorAndShowsTheCallersRoleInEach() {
        Person bob = fixtures.person("Bob");
        Person owner = fixtures.person("Owner");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(fixtures.workspace(bob, "Bob " + i));
        }
        String shared = fixtures.workspace(owner, "Shared");
        fixtures.member(shared, bob, Role.VIEWER);
        fixtures.workspace(owner, "Not Bob's");

        Reply first = api.get("/v1/workspaces?limit=2", bob.token());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(2);
        String cursor = first.json().get("nextCursor").asText();
        List<JsonNode> all = new ArrayList<>();
        first.json().get("items").forEach(all::add);
        String next = cursor;
        for (int pages = 1; next != null; pages++) {
            assertThat(pages).as("pages").isLessThan(5);
            JsonNode page = api.get("/v1/workspaces?limit=2&cursor=" + next, bob.token()).json();
            page.path("items").forEach(all::add);
            next = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        }

        mine.add(shared);
        assertThat(all.stream().map(w -> w.get("id").asText()).toList()).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(all.stream().filter(w -> w.get("id").asText().equals(shared)).findFirst().orElseThrow()
                .get("role").asText()).isEqualTo("viewer");
        // A cursor is bound to its list: someone else's list rejects it.
        Reply foreign = api.get("/v1/workspaces?cursor=" + cursor, owner.token());
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.problem()).isEqualTo("invalid-cursor");
    }

    @Test
    void renamingIsForAdminsAndOwnersAndIsAudited() {
        Person owner = fixtures.person("Owner");
        Person admin = fixtures.person("Admin");
        String ws = fixtures.workspace(owner, "Before");
        fixtures.member(ws, admin, Role.ADMIN);

        Reply renamed = api.patch("/v1/workspaces/" + ws, "{\"name\":\"After\"}", admin.token());

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("After");
        assertThat(renamed.json().get("role").asText()).isEqualTo("admin");
        JsonNode audit = api.get("/v1/workspaces/" + ws + "/audit-log", owner.token()).json().get("items");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("workspace.renamed");
        assertThat(audit.get(0).get("actor").get("id").asText()).isEqualTo(admin.userId());
        assertThat(audit.get(0).get("details").get("from").asText()).isEqualTo("Before");
    }

    @Test
    void badNamesAreRefusedWithFieldErrorsAndChangeNothing() {
        Person owner = fixtures.person("Owner");
        String ws = fixtures.workspace(owner, "Stays");

        for (String body : List.of("{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":\"" + "x".repeat(101) + "\"}",
                "{\"name\":\"bad\\u0007bell\"}", "{}")) {
            Reply reply = api.patch("/v1/workspaces/" + ws, body, owner.token());
            assertThat(reply.status()).as(body + " -> " + reply.body()).isEqualTo(400);
            assertThat(reply.problem()).isEqualTo("validation-failed");
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        }
        Reply malformed = api.patch("/v1/workspaces/" + ws, "{\"name\": ", owner.token());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problem()).isEqualTo("malformed-json");
        Reply tooBig = api.post("/v1/workspaces", "{\"name\":\"" + "x".repeat(300_000) + "\"}", owner.token());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.problem()).isEqualTo("payload-too-large");

        assertThat(api.get("/v1/workspaces/" + ws, owner.token()).json().get("name").asText()).isEqualTo("Stays");
        assertThat(api.get("/v1/workspaces", owner.token()).json().get("items")).hasSize(1);
    }

    @Test
    void deletingIsSoftOwnerOnlyAndRestorableWithinTheGracePeriod() {
        Person owner = fixtures.person("Owner");
        Person admin = fixtures.person("Admin");
        String ws = fixtures.workspace(owner, "Doomed");
        fixtures.member(ws, admin, Role.ADMIN);

        Reply byAdmin = api.delete("/v1/workspaces/" + ws, admin.token());
        assertThat(byAdmin.status()).isEqualTo(403);

        Instant before = Instant.now();
        Reply deleted = api.delete("/v1/workspaces/" + ws, owner.token());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("status").asText()).isEqualTo("DELETED");
        Instant purgeAfter = Instant.parse(deleted.json().get("purgeAfter").asText());
        assertThat(purgeAfter).isBetween(before.plus(Duration.ofDays(30)).minusSeconds(2), before.plus(Duration.ofDays(30)).plusSeconds(5));

        // Gone for everyone's workspace routes; still listed (as DELETED) to its owner, who can restore it.
        assertThat(api.get("/v1/workspaces/" + ws, owner.token()).status()).isEqualTo(404);
        assertThat(api.get("/v1/workspaces/" + ws + "/members", admin.token()).status()).isEqualTo(404);
        assertThat(ids(api.get("/v1/workspaces", admin.token()).json().get("items"))).doesNotContain(ws);
        JsonNode listed = api.get("/v1/workspaces", owner.token()).json().get("items").get(0);
        assertThat(listed.get("status").asText()).isEqualTo("DELETED");
        // The admin is still a member, so the answer is "not allowed", not "not found".
        assertThat(api.post("/v1/workspaces/" + ws + "/restore", null, admin.token()).status()).isEqualTo(403);

        Reply restored = api.post("/v1/workspaces/" + ws + "/restore", null, owner.token());
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(restored.json().hasNonNull("purgeAfter")).isFalse();
        assertThat(api.get("/v1/workspaces/" + ws + "/members", admin.token()).status()).isEqualTo(200);

        Reply again = api.post("/v1/workspaces/" + ws + "/restore", null, owner.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("workspace-not-deleted");
        List<String> actions = new ArrayList<>();
        api.get("/v1/workspaces/" + ws + "/audit-log", owner.token()).json().get("items")
                .forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).startsWith("workspace.restored", "workspace.deleted");
    }

    @Test
    void afterTheGracePeriodAWorkspaceCannotBeRestored() {
        Person owner = fixtures.person("Owner");
        String ws = fixtures.workspace(owner, "Late");
        assertThat(api.delete("/v1/workspaces/" + ws, owner.token()).status()).isEqualTo(200);
        PurgeFixtures.backdatePurge(fixtures, ws);

        Reply late = api.post("/v1/workspaces/" + ws + "/restore", null, owner.token());

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problem()).isEqualTo("restore-period-ended");
    }

    @Test
    void anUnverifiedPersonMayOwnOneWorkspaceOnly() {
        Person unverified = fixtures.person("Una", false);

        Reply first = api.post("/v1/workspaces", "{\"name\":\"First\"}", unverified.token());
        Reply second = api.post("/v1/workspaces", "{\"name\":\"Second\"}", unverified.token());

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.problem()).isEqualTo("email-not-verified");
        assertThat(ids(api.get("/v1/workspaces", unverified.token()).json().get("items")))
                .containsExactly(first.json().get("id").asText());
        Person verified = fixtures.person("Vera");
        fixtures.workspace(verified, "Home");
        assertThat(api.post("/v1/workspaces", "{\"name\":\"Another\"}", verified.token()).status()).isEqualTo(201);
    }

    @Test
    void apiKeysCannotListOrCreateWorkspaces() {
        Person owner = fixtures.person("Owner");
        String ws = fixtures.workspace(owner, "Keyed");
        String key = fixtures.apiKey(ws, java.util.Set.of("workspace:read"));

        assertThat(api.get("/v1/workspaces", key).status()).isEqualTo(403);
        assertThat(api.post("/v1/workspaces", "{\"name\":\"x\"}", key).status()).isEqualTo(403);
        Reply read = api.get("/v1/workspaces/" + ws, key);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().hasNonNull("role")).isFalse();
    }

    /** The ids of a page's items (an empty page may leave out "items" altogether). */
    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        if (items != null) {
            items.forEach(i -> ids.add(i.get("id").asText()));
        }
        return ids;
    }
}

package dev.penguinmails.identity.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.identity.workspaces.IdentityFixtures;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Members and roles: listing, role changes, removal, leaving, ownership transfer, and their limits. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class MemberApiTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    TestHttp api;
    IdentityFixtures fixtures;
    Person owner;
    Person admin;
    Person member;
    Person viewer;
    String ws;

    @Override
    public Map<String, String> getProperties() {
        return IdentityFixtures.properties();
    }

    @BeforeEach
    void setUp() {
        api = new TestHttp(server.getURL());
        fixtures = new IdentityFixtures(context);
        owner = fixtures.person("Olivia Owner");
        admin = fixtures.person("Adam Admin");
        member = fixtures.person("Mia Member");
        viewer = fixtures.person("Vic Viewer");
        ws = fixtures.workspace(owner, "Team");
        fixtures.member(ws, admin, Role.ADMIN);
        fixtures.member(ws, member, Role.MEMBER);
        fixtures.member(ws, viewer, Role.VIEWER);
    }

    private Map<String, String> roles(String bearer) {
        Reply reply = api.get("/v1/workspaces/" + ws + "/members", bearer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, String> roles = new HashMap<>();
        reply.json().get("items").forEach(m -> roles.put(m.get("userId").asText(), m.get("role").asText()));
        return roles;
    }

    private String rolePath(Person p) {
        return "/v1/workspaces/" + ws + "/members/" + p.userId();
    }

    @Test
    void everyRoleListsMembersWithNamesEmailsAndThePrimaryOwner() {
        Reply reply = api.get("/v1/workspaces/" + ws + "/members", viewer.token());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode items = reply.json().get("items");
        assertThat(items).hasSize(4);
        items.forEach(m -> {
            if (m.get("userId").asText().equals(owner.userId())) {
                assertThat(m.get("primaryOwner").asBoolean()).isTrue();
                assertThat(m.get("email").asText()).isEqualTo(owner.email());
                assertThat(m.get("name").asText()).isEqualTo("Olivia Owner");
            } else {
                assertThat(m.get("primaryOwner").asBoolean()).isFalse();
            }
        });
    }

    @Test
    void adminsManageRolesBelowTheirOwnButNeverOwnersOrOtherAdmins() {
        Person otherAdmin = fixtures.person("Other Admin");
        fixtures.member(ws, otherAdmin, Role.ADMIN);

        Reply promote = api.patch(rolePath(viewer), "{\"role\":\"member\"}", admin.token());
        assertThat(promote.status()).as(promote.body()).isEqualTo(200);
        assertThat(promote.json().get("role").asText()).isEqualTo("member");

        assertThat(api.patch(rolePath(viewer), "{\"role\":\"admin\"}", admin.token()).status()).isEqualTo(403);
        assertThat(api.patch(rolePath(owner), "{\"role\":\"viewer\"}", admin.token()).status()).isEqualTo(403);
        assertThat(api.patch(rolePath(otherAdmin), "{\"role\":\"viewer\"}", admin.token()).status()).isEqualTo(403);
        assertThat(api.delete(rolePath(owner), admin.token()).status()).isEqualTo(403);
        assertThat(api.delete(rolePath(otherAdmin), admin.token()).status()).isEqualTo(403);
        // Members and viewers cannot manage anyone.
        assertThat(api.patch(rolePath(viewer), "{\"role\":\"viewer\"}", member.token()).status()).isEqualTo(403);

        Map<String, String> roles = roles(owner.token());
        assertThat(roles.get(owner.userId())).isEqualTo("owner");
        assertThat(roles.get(otherAdmin.userId())).isEqualTo("admin");
        assertThat(roles.get(viewer.userId())).isEqualTo("member");
    }

    @Test
    void anyoneMayStepDown() {
        Reply stepDown = api.patch(rolePath(admin), "{\"role\":\"viewer\"}", admin.token());

        assertThat(stepDown.status()).as(stepDown.body()).isEqualTo(200);
        assertThat(roles(owner.token()).get(admin.userId())).isEqualTo("viewer");
    }

    @Test
    void theLastOwnerCanNeitherLeaveNorBeDemoted() {
        Reply demote = api.patch(rolePath(owner), "{\"role\":\"admin\"}", owner.token());
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.problem()).isEqualTo("last-owner");
        Reply leave = api.post("/v1/workspaces/" + ws + "/leave", null, owner.token());
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.problem()).isEqualTo("last-owner");
        assertThat(api.delete(rolePath(owner), owner.token()).problem()).isEqualTo("last-owner");

        // With a co-owner the primary owner still has to hand over first; the co-owner may go.
        assertThat(api.patch(rolePath(admin), "{\"role\":\"owner\"}", owner.token()).status()).isEqualTo(200);
        assertThat(api.post("/v1/workspaces/" + ws + "/leave", null, owner.token()).problem()).isEqualTo("primary-owner");
        assertThat(api.patch(rolePath(owner), "{\"role\":\"admin\"}", admin.token()).problem()).isEqualTo("primary-owner");
        assertThat(api.post("/v1/workspaces/" + ws + "/leave", null, admin.token()).status()).isEqualTo(204);
        assertThat(roles(owner.token())).containsEntry(owner.userId(), "owner").doesNotContainKey(admin.userId());
    }

    @Test
    void ownershipTransferMakesTheOtherMemberPrimaryOwnerAndTheOldOneAdmin() {
        Reply byAdmin = api.post("/v1/workspaces/" + ws + "/transfer-ownership", "{\"userId\":\"" + member.userId() + "\"}",
                admin.token());
        assertThat(byAdmin.status()).isEqualTo(403);

        Reply transfer = api.post("/v1/workspaces/" + ws + "/transfer-ownership", "{\"userId\":\"" + member.userId() + "\"}",
                owner.token());

        assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
        assertThat(transfer.json().get(0).get("userId").asText()).isEqualTo(member.userId());
        assertThat(transfer.json().get(0).get("primaryOwner").asBoolean()).isTrue();
        assertThat(api.get("/v1/workspaces/" + ws, owner.token()).json().get("ownerId").asText()).isEqualTo(member.userId());
        Map<String, String> roles = roles(member.token());
        assertThat(roles.get(member.userId())).isEqualTo("owner");
        assertThat(roles.get(owner.userId())).isEqualTo("admin");
        // The former owner is an admin now, so can leave; the new one cannot.
        assertThat(api.post("/v1/workspaces/" + ws + "/leave", null, owner.token()).status()).isEqualTo(204);
        assertThat(api.post("/v1/workspaces/" + ws + "/leave", null, member.token()).problem()).isEqualTo("last-owner");
        JsonNode audit = api.get("/v1/workspaces/" + ws + "/audit-log", member.token()).json().get("items");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("member.left");
        assertThat(audit.get(1).get("action").asText()).isEqualTo("workspace.ownership_transferred");
    }

    @Test
    void badMemberRequestsAreProblemsAndChangeNothing() {
        Map<String, String> before = roles(owner.token());

        Reply badRole = api.patch(rolePath(viewer), "{\"role\":\"superuser\"}", owner.token());
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.problem()).isEqualTo("validation-failed");
        assertThat(badRole.json().get("errors").get(0).get("field").asText()).isEqualTo("role");
        Reply unknown = api.patch("/v1/workspaces/" + ws + "/members/usr_01JD5Q2X7V4G0ZK3M8N6P9R2TS", "{\"role\":\"viewer\"}",
                owner.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem()).isEqualTo("not-found");
        Reply toSelf = api.post("/v1/workspaces/" + ws + "/transfer-ownership", "{\"userId\":\"" + owner.userId() + "\"}",
                owner.token());
        assertThat(toSelf.status()).isEqualTo(400);
        Reply toStranger = api.post("/v1/workspaces/" + ws + "/transfer-ownership",
                "{\"userId\":\"" + fixtures.person("Stranger").userId() + "\"}", owner.token());
        assertThat(toStranger.status()).isEqualTo(400);
        assertThat(toStranger.json().get("errors").get(0).get("field").asText()).isEqualTo("userId");
        assertThat(api.post("/v1/workspaces/" + ws + "/transfer-ownership", "{}", owner.token()).status()).isEqualTo(400);

        assertThat(roles(owner.token())).isEqualTo(before);
        assertThat(api.get("/v1/workspaces/" + ws, owner.token()).json().get("ownerId").asText()).isEqualTo(owner.userId());
    }

    @Test
    void theKeysAPersonMadeStopWhenTheyAreRemovedOrLeave() {
        String removedKey = fixtures.apiKey(ws, Set.of("contacts:read"), member.userId());
        String leaverKey = fixtures.apiKey(ws, Set.of("contacts:read"), viewer.userId());
        String othersKey = fixtures.apiKey(ws, Set.of("workspace:read"), admin.userId());
        assertThat(api.get("/v1/workspaces/" + ws, othersKey).status()).isEqualTo(200);

        assertThat(api.delete(rolePath(member), admin.token()).status()).isEqualTo(204);
        assertThat(api.post("/v1/workspaces/" + ws + "/leave", null, viewer.token()).status()).isEqualTo(204);

        assertThat(api.get("/v1/workspaces/" + ws + "/members", removedKey).status()).isEqualTo(401);
        assertThat(api.get("/v1/workspaces/" + ws + "/members", leaverKey).status()).isEqualTo(401);
        assertThat(api.get("/v1/workspaces/" + ws, othersKey).status()).isEqualTo(200);
        JsonNode audit = api.get("/v1/workspaces/" + ws + "/audit-log", owner.token()).json().get("items");
        List<String> reasons = new ArrayList<>();
        audit.forEach(e -> {
            if (e.get("action").asText().equals("api_key.revoked")) {
                reasons.add(e.get("details").get("reason").asText());
            }
        });
        assertThat(reasons).containsExactlyInAnyOrder("creator-removed", "creator-left");
    }

    @Test
    void aDemotionRevokesOnlyTheKeysThatExceedTheNewRole() {
        String sender = fixtures.apiKey(ws, Set.of("campaigns:send", "contacts:read"), admin.userId());
        String reader = fixtures.apiKey(ws, Set.of("contacts:read", "workspace:read"), admin.userId());

        assertThat(api.patch(rolePath(admin), "{\"role\":\"viewer\"}", owner.token()).status()).isEqualTo(200);

        assertThat(api.get("/v1/workspaces/" + ws, sender).status()).isEqualTo(401);
        assertThat(api.get("/v1/workspaces/" + ws, reader).status()).isEqualTo(200);
    }

    @Test
    void theLastOwnerCannotLeaveOrBeRemovedEvenWhenNotThePrimaryOne() {
        // What an ownership transfer racing a leave could leave behind: the primary owner's membership is gone
        // and one other owner remains.
        TenantContext tenant = TenantContext.system(ws, "test");
        MemberStore store = context.getBean(MemberStore.class);
        store.changeRole(tenant, admin.userId(), Role.ADMIN, Role.OWNER);
        store.remove(tenant, owner.userId(), Role.OWNER);

        Reply leave = api.post("/v1/workspaces/" + ws + "/leave", null, admin.token());
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.problem()).isEqualTo("last-owner");
        assertThat(api.delete(rolePath(admin), admin.token()).problem()).isEqualTo("last-owner");
        assertThat(api.patch(rolePath(admin), "{\"role\":\"member\"}", admin.token()).problem()).isEqualTo("last-owner");
        assertThat(roles(admin.token())).containsEntry(admin.userId(), "owner");
    }

    @Test
    void removalIsAuditedAndTheRemovedPersonLosesAccessAtOnce() {
        assertThat(api.get("/v1/workspaces/" + ws, member.token()).status()).isEqualTo(200);

        assertThat(api.delete(rolePath(member), admin.token()).status()).isEqualTo(204);

        assertThat(api.get("/v1/workspaces/" + ws, member.token()).status()).isEqualTo(404);
        JsonNode entry = api.get("/v1/workspaces/" + ws + "/audit-log", owner.token()).json().get("items").get(0);
        assertThat(entry.get("action").asText()).isEqualTo("member.removed");
        assertThat(entry.get("target").get("id").asText()).isEqualTo(member.userId());
        assertThat(entry.get("actor").get("id").asText()).isEqualTo(admin.userId());
    }
}

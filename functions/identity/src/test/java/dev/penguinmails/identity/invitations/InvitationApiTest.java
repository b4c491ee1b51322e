package dev.penguinmails.identity.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.identity.accounts.IdentityApiTest;
import dev.penguinmails.identity.workspaces.IdentityFixtures;
import dev.penguinmails.identity.workspaces.IdentityFixtures.Person;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Invitations end to end: the invite, the email that the real consumer sends through SES to GreenMail,
 * and its link accepted by a new person (account created) or by the signed-in invitee; plus resend,
 * revoke, expiry and every bad input, each a problem that changes nothing.
 */
@MicronautTest
@Tag("integration")
class InvitationApiTest extends IdentityApiTest {
    private static final Pattern LINK = Pattern.compile("/accept-invitation#token=(\\S+)");

    TestHttp client;
    IdentityFixtures fixtures;
    Person owner;
    String ws;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("penguinmails.identity.invitations.per-workspace-per-hour", "5",
                "penguinmails.identity.invitations.per-user-per-hour", "7");
    }

    @BeforeEach
    void setUp() {
        client = new TestHttp(server.getURL());
        fixtures = new IdentityFixtures(context);
        owner = fixtures.person("Olivia Owner");
        ws = fixtures.workspace(owner, "Acme Sales");
    }

    private Reply invite(String email, String role, String bearer) {
        return client.post("/v1/workspaces/" + ws + "/invitations",
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}", bearer);
    }

    /** Delivers queued emails and returns the token of the newest invitation mail to {@code email}. */
    private String emailedToken(String email, int expectedMails) {
        deliverEmails();
        List<Mail> mails = awaitMail(email, expectedMails);
        Mail mail = mails.get(mails.size() - 1);
        assertThat(mail.subject()).isEqualTo("Olivia Owner invited you to Acme Sales on PenguinMails");
        assertThat(mail.text()).contains("POST /v1/invitations/accept").contains("to join the workspace \"Acme Sales\"");
        assertThat(mail.html()).contains("Accept the invitation");
        Matcher m = LINK.matcher(mail.text());
        assertThat(m.find()).as(mail.text()).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    private Reply accept(String json, String bearer) {
        return client.post("/v1/invitations/accept", json, bearer);
    }

    @Test
    void aNewPersonAcceptsByEmailLinkAndGetsAVerifiedAccountAndTheRole() {
        String email = newAddress("newbie");
        Reply invited = invite(email, "member", owner.token());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("status").asText()).isEqualTo("PENDING");
        String token = emailedToken(email, 1);

        Reply accepted = accept("{\"token\":\"" + token + "\",\"name\":\"Nina Newbie\",\"password\":\"" + STRONG_PASSWORD + "\"}", null);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("accountCreated").asBoolean()).isTrue();
        assertThat(accepted.json().get("role").asText()).isEqualTo("member");
        JsonNode tokens = loggedIn(email);
        assertThat(tokens.get("emailVerified").asBoolean()).isTrue();
        String access = tokens.get("accessToken").asText();
        JsonNode list = client.get("/v1/workspaces", access).json().get("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(ws);
        assertThat(list.get(0).get("role").asText()).isEqualTo("member");

        Reply reused = accept("{\"token\":\"" + token + "\",\"name\":\"Mallory\",\"password\":\"" + STRONG_PASSWORD + "\"}", null);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.problem()).isEqualTo("invalid-token");
        JsonNode listed = client.get("/v1/workspaces/" + ws + "/invitations", owner.token()).json().get("items").get(0);
        assertThat(listed.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(listed.get("acceptedBy").asText()).isEqualTo(accepted.json().get("userId").asText());

        List<PublishedEvent> sent = published("invitation.sent");
        assertThat(sent).anySatisfy(e -> assertThat(e.detail()).contains(email));
        assertThat(sent).allSatisfy(e -> assertThat(e.detail()).doesNotContain("token").doesNotContain(token));
        assertThat(published("invitation.accepted")).anySatisfy(e -> assertThat(e.detail()).contains("\"accountCreated\":true"));
    }

    @Test
    void aSignedInInviteeAcceptsWithTheirTokenButOnlyWithTheInvitedAddress() {
        Person invitee = fixtures.person("Ivan Invitee");
        Person someoneElse = fixtures.person("Sam Else");
        assertThat(invite(invitee.email(), "viewer", owner.token()).status()).isEqualTo(201);
        String token = emailedToken(invitee.email(), 1);

        Reply wrongPerson = accept("{\"token\":\"" + token + "\"}", someoneElse.token());
        assertThat(wrongPerson.status()).isEqualTo(403);
        assertThat(wrongPerson.problem()).isEqualTo("invitation-email-mismatch");
        Reply noAuth = accept("{\"token\":\"" + token + "\"}", null);
        assertThat(noAuth.status()).isEqualTo(409);
        assertThat(noAuth.problem()).isEqualTo("account-exists");
        Reply newAccountForExisting = accept("{\"token\":\"" + token + "\",\"name\":\"Ivan\",\"password\":\"" + STRONG_PASSWORD + "\"}", null);
        assertThat(newAccountForExisting.problem()).isEqualTo("account-exists");
        Reply staleAuth = accept("{\"token\":\"" + token + "\"}", "not-a-valid-token");
        assertThat(staleAuth.status()).isEqualTo(401);
        assertThat(client.get("/v1/workspaces/" + ws, someoneElse.token()).status()).isEqualTo(404);

        Reply accepted = accept("{\"token\":\"" + token + "\"}", invitee.token());

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("accountCreated").asBoolean()).isFalse();
        assertThat(client.get("/v1/workspaces/" + ws, invitee.token()).json().get("role").asText()).isEqualTo("viewer");
        JsonNode audit = client.get("/v1/workspaces/" + ws + "/audit-log", owner.token()).json().get("items");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("invitation.accepted");
        assertThat(audit.get(0).get("actor").get("id").asText()).isEqualTo(invitee.userId());
    }

    @Test
    void resendReplacesTheLinkAndRevokeKillsIt() {
        String email = newAddress("resend");
        String id = invite(email, "member", owner.token()).json().get("id").asText();
        String first = emailedToken(email, 1);

        Reply resent = client.post("/v1/workspaces/" + ws + "/invitations/" + id, "{\"action\":\"resend\"}", owner.token());
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("sendCount").asInt()).isEqualTo(2);
        String second = emailedToken(email, 2);
        assertThat(second).isNotEqualTo(first);
        assertThat(accept("{\"token\":\"" + first + "\",\"name\":\"A\",\"password\":\"" + STRONG_PASSWORD + "\"}", null)
                .problem()).isEqualTo("invalid-token");

        Reply revoked = client.delete("/v1/workspaces/" + ws + "/invitations/" + id, owner.token());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
        assertThat(client.delete("/v1/workspaces/" + ws + "/invitations/" + id, owner.token()).status()).isEqualTo(200);
        assertThat(accept("{\"token\":\"" + second + "\",\"name\":\"A\",\"password\":\"" + STRONG_PASSWORD + "\"}", null)
                .problem()).isEqualTo("invalid-token");
        Reply resendRevoked = client.post("/v1/workspaces/" + ws + "/invitations/" + id, "{\"action\":\"resend\"}", owner.token());
        assertThat(resendRevoked.status()).isEqualTo(409);
        assertThat(resendRevoked.problem()).isEqualTo("invitation-not-pending");
        // The action is a closed set.
        assertThat(client.post("/v1/workspaces/" + ws + "/invitations/" + id, "{\"action\":\"bounce\"}", owner.token())
                .status()).isEqualTo(400);
    }

    @Test
    void noEmailGoesOutForAnInvitationRevokedBeforeItWasSent() {
        String email = newAddress("revoked-early");
        String id = invite(email, "member", owner.token()).json().get("id").asText();
        assertThat(client.delete("/v1/workspaces/" + ws + "/invitations/" + id, owner.token()).status()).isEqualTo(200);

        deliverEmails();

        assertThat(mailTo(email)).isEmpty();
    }

    @Test
    void anExpiredLinkIsRefusedAndListedAsExpired() {
        String email = newAddress("late");
        String id = invite(email, "member", owner.token()).json().get("id").asText();
        String token = emailedToken(email, 1);
        InvitationStore store = context.getBean(InvitationStore.class);
        TenantContext tenant = TenantContext.system(ws, "test");
        Invitation current = store.get(tenant, id).orElseThrow();
        store.storeToken(tenant, current, current.tokenHash(), java.time.Instant.now().minusSeconds(1));

        Reply late = accept("{\"token\":\"" + token + "\",\"name\":\"Late\",\"password\":\"" + STRONG_PASSWORD + "\"}", null);

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.problem()).isEqualTo("invalid-token");
        assertThat(client.get("/v1/workspaces/" + ws + "/invitations", owner.token()).json().get("items").get(0)
                .get("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void onlyAnOwnerInvitesABillingAdmin() {
        Person admin = fixtures.person("Ada Admin");
        fixtures.member(ws, admin, Role.ADMIN);

        Reply byAdmin = invite(newAddress("billing-by-admin"), "billing_admin", admin.token());
        Reply byOwner = invite(newAddress("billing-by-owner"), "billing_admin", owner.token());

        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(201);
        assertThat(byOwner.json().get("role").asText()).isEqualTo("billing_admin");
    }

    @Test
    void badInvitationsAndAcceptsAreProblemsThatChangeNothing() {
        Person admin = fixtures.person("Adam Admin");
        fixtures.member(ws, admin, Role.ADMIN);
        Person member = fixtures.person("Mia Member");
        fixtures.member(ws, member, Role.MEMBER);
        String email = newAddress("weak");
        assertThat(invite(email, "member", owner.token()).status()).isEqualTo(201);
        String token = emailedToken(email, 1);
        var before = snapshot();

        assertThat(invite("not-an-email", "member", owner.token()).problem()).isEqualTo("validation-failed");
        assertThat(invite(newAddress("x"), "owner", owner.token()).problem()).isEqualTo("validation-failed");
        assertThat(invite(newAddress("x"), "admin", admin.token()).status()).isEqualTo(403);
        // An admin lacks billing manage, so it cannot hand it out through a billing admin.
        assertThat(invite(newAddress("x"), "billing_admin", admin.token()).status()).isEqualTo(403);
        assertThat(invite(newAddress("x"), "viewer", member.token()).status()).isEqualTo(403);
        assertThat(invite(email, "viewer", owner.token()).problem()).isEqualTo("invitation-pending");
        assertThat(invite(member.email(), "viewer", owner.token()).problem()).isEqualTo("already-member");

        Reply weak = accept("{\"token\":\"" + token + "\",\"name\":\"Weak\",\"password\":\"password1\"}", null);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.problem()).isEqualTo("weak-password");
        Reply noPassword = accept("{\"token\":\"" + token + "\",\"name\":\"No Password\"}", null);
        assertThat(noPassword.problem()).isEqualTo("validation-failed");
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(accept("{\"token\":\"" + tampered + "\",\"name\":\"T\",\"password\":\"" + STRONG_PASSWORD + "\"}", null)
                .problem()).isEqualTo("invalid-token");
        assertThat(accept("{\"token\":\"garbage\",\"name\":\"T\",\"password\":\"" + STRONG_PASSWORD + "\"}", null)
                .problem()).isEqualTo("invalid-token");
        assertThat(accept("{\"name\":\"T\"}", null).problem()).isEqualTo("validation-failed");
        assertThat(accept("{\"token\": ", null).problem()).isEqualTo("malformed-json");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void onlyPeopleWithAVerifiedAddressInviteOrResend() {
        Person unverified = fixtures.person("Ursula Unverified", false);
        fixtures.member(ws, unverified, Role.ADMIN);
        String id = invite(newAddress("pending"), "member", owner.token()).json().get("id").asText();
        var before = snapshot();

        Reply invited = invite(newAddress("spam"), "member", unverified.token());
        Reply resent = client.post("/v1/workspaces/" + ws + "/invitations/" + id, "{\"action\":\"resend\"}", unverified.token());

        assertThat(invited.status()).isEqualTo(403);
        assertThat(invited.problem()).isEqualTo("email-not-verified");
        assertThat(resent.status()).isEqualTo(403);
        assertThat(resent.problem()).isEqualTo("email-not-verified");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void resendsCountTowardTheWorkspaceBudgetAndEachInviterHasOneAcrossWorkspaces() {
        String first = invite(newAddress("budget0"), "viewer", owner.token()).json().get("id").asText();
        for (int i = 1; i < 4; i++) {
            assertThat(invite(newAddress("budget" + i), "viewer", owner.token()).status()).isEqualTo(201);
        }
        assertThat(client.post("/v1/workspaces/" + ws + "/invitations/" + first, "{\"action\":\"resend\"}", owner.token())
                .status()).isEqualTo(200);
        // Four invitations and a resend: the workspace's five are spent.
        Reply workspaceSpent = invite(newAddress("budget-ws"), "viewer", owner.token());
        assertThat(workspaceSpent.status()).isEqualTo(429);
        assertThat(workspaceSpent.json().get("detail").asText()).contains("This workspace");

        // Another workspace of the same inviter has its own budget, but the inviter's seven are nearly gone
        // (the refused attempt above counted toward them too).
        String second = fixtures.workspace(owner, "Second team");
        Reply elsewhere = client.post("/v1/workspaces/" + second + "/invitations", "{\"email\":\"" + newAddress("other")
                + "\",\"role\":\"viewer\"}", owner.token());
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
        Reply inviterSpent = client.post("/v1/workspaces/" + second + "/invitations", "{\"email\":\"" + newAddress("other2")
                + "\",\"role\":\"viewer\"}", owner.token());
        assertThat(inviterSpent.status()).isEqualTo(429);
        assertThat(inviterSpent.json().get("detail").asText()).contains("You have sent too many invitations");
        assertThat(inviterSpent.header("Retry-After")).isPresent();
    }

    @Test
    void theInviteeMayRetryTheSameLinkAndGetsTheSameAnswerOnce() {
        Person invitee = fixtures.person("Rita Retry");
        String id = invite(invitee.email(), "member", owner.token()).json().get("id").asText();
        String token = emailedToken(invitee.email(), 1);

        Reply accepted = accept("{\"token\":\"" + token + "\"}", invitee.token());
        Reply again = accept("{\"token\":\"" + token + "\"}", invitee.token());

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(accepted.json());
        assertThat(published("invitation.accepted")).filteredOn(e -> e.detail().contains(id)).hasSize(1);
        // Nobody else can use the link now, signed in or not.
        Person other = fixtures.person("Otto Other");
        assertThat(accept("{\"token\":\"" + token + "\"}", other.token()).problem()).isEqualTo("invalid-token");
        assertThat(accept("{\"token\":\"" + token + "\",\"name\":\"O\",\"password\":\"" + STRONG_PASSWORD + "\"}", null)
                .problem()).isEqualTo("invalid-token");
    }

    @Test
    void anAcceptanceThatStoppedPartWayIsFinishedByARetryButARemovedMemberNeverReturns() {
        Person invitee = fixtures.person("Paula Partway");
        String id = invite(invitee.email(), "viewer", owner.token()).json().get("id").asText();
        String token = emailedToken(invitee.email(), 1);
        // The first step of an acceptance, and then a crash: marked ACCEPTED, no membership yet.
        InvitationStore store = context.getBean(InvitationStore.class);
        TenantContext tenant = TenantContext.system(ws, "test");
        store.markAccepted(tenant, store.get(tenant, id).orElseThrow(), invitee.userId(), java.time.Instant.now());
        assertThat(client.get("/v1/workspaces/" + ws, invitee.token()).status()).isEqualTo(404);

        Reply finished = accept("{\"token\":\"" + token + "\"}", invitee.token());

        assertThat(finished.status()).as(finished.body()).isEqualTo(200);
        assertThat(client.get("/v1/workspaces/" + ws, invitee.token()).json().get("role").asText()).isEqualTo("viewer");
        assertThat(published("invitation.accepted")).filteredOn(e -> e.detail().contains(id)).hasSize(1);

        assertThat(client.delete("/v1/workspaces/" + ws + "/members/" + invitee.userId(), owner.token()).status()).isEqualTo(204);
        Reply comeback = accept("{\"token\":\"" + token + "\"}", invitee.token());
        assertThat(comeback.status()).isEqualTo(400);
        assertThat(comeback.problem()).isEqualTo("invalid-token");
        assertThat(client.get("/v1/workspaces/" + ws, invitee.token()).status()).isEqualTo(404);
    }

    @Test
    void aRevokedInvitationNeverAddsAMember() {
        Person invitee = fixtures.person("Rex Revoked");
        String id = invite(invitee.email(), "viewer", owner.token()).json().get("id").asText();
        String token = emailedToken(invitee.email(), 1);
        assertThat(client.delete("/v1/workspaces/" + ws + "/invitations/" + id, owner.token()).status()).isEqualTo(200);

        assertThat(accept("{\"token\":\"" + token + "\"}", invitee.token()).problem()).isEqualTo("invalid-token");
        assertThat(client.get("/v1/workspaces/" + ws, invitee.token()).status()).isEqualTo(404);
    }

    @Test
    void aWorkspaceCanSendOnlySoManyInvitationsAnHour() {
        for (int i = 0; i < 5; i++) {
            assertThat(invite(newAddress("bulk" + i), "viewer", owner.token()).status()).isEqualTo(201);
        }

        Reply limited = invite(newAddress("bulk-too-many"), "viewer", owner.token());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isPresent();
        assertThat(client.get("/v1/workspaces/" + ws + "/invitations", owner.token()).json().get("items")).hasSize(5);
    }
}

package dev.penguinmails.domains.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mailboxes through the real handler: live logins against GreenMail with authentication on (a right and a wrong
 * password), a closed port and a server that never answers, SES identities against a local HTTP server that
 * records the SES v2 requests (real SES is not exercised here), and tenancy.
 */
@MicronautTest
@Tag("integration")
class MailboxApiTest extends MailboxesApiTest {

    @Test
    void connectsAnSmtpMailboxOnlyAfterALiveLoginAndNeverShowsItsPassword() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String address = user("ana", "outreach.acme.com");
        assertThat(add(owner, ws, "outreach.acme.com").status()).isEqualTo(201);

        Reply connected = http.post(mailboxes(ws), smtpBody(address, PASSWORD), owner.headers());

        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        JsonNode body = connected.json();
        assertThat(body.get("id").asText()).isEqualTo(MailboxIds.of(ws, address));
        assertThat(body.get("status").asText()).isEqualTo("connected");
        assertThat(body.get("eligibleForSending").asBoolean()).isTrue();
        assertThat(body.get("dailyLimit").asInt()).isEqualTo(40);
        assertThat(body.at("/warmup/stage").asText()).isEqualTo("warming");
        assertThat(body.get("allowanceToday").asInt()).as("day 0 of the ramp").isEqualTo(5);
        assertThat(body.at("/smtp/passwordSet").asBoolean()).isTrue();
        assertThat(connected.body()).doesNotContain(PASSWORD);
        assertThat(snapshot().toString()).as("the table holds the password sealed only").doesNotContain(PASSWORD);

        List<PublishedEvent> events = published("mailbox.connected", ws);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).detail()).contains("\"passwordSealed\":\"pm1.").doesNotContain(PASSWORD)
                .contains("\"address\":\"" + address + "\"");

        Reply again = http.post(mailboxes(ws), smtpBody(address.toUpperCase(), PASSWORD), owner.headers());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.problemSlug()).isEqualTo("mailbox-exists");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersWordsAndNothingIsSaved() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String address = user("bo", "acme.com");
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        var before = snapshot();

        Reply refused = http.post(mailboxes(ws), smtpBody(address, "wrong"), owner.headers());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.problemSlug()).isEqualTo("mailbox-connection-failed");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("smtp");
        assertThat(refused.json().at("/errors/0/message").asText()).startsWith("auth-failed");
        assertThat(refused.json().at("/errors/1/field").asText()).isEqualTo("imap");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(published("mailbox.connected", ws)).isEmpty();
    }

    @Test
    void anUnreachableOrSilentServerFailsWithinTheTimeoutInsteadOfHanging() throws IOException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String address = user("cy", "acme.com");
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String body = """
                    {"address":"%s","smtp":{"host":"127.0.0.1","port":%d,"security":"none","password":"x"},
                     "imap":{"host":"127.0.0.1","port":%d,"security":"none","password":"x"}}"""
                    .formatted(address, closedPort, silent.getLocalPort());
            long started = System.nanoTime();
            Reply refused = http.post(mailboxes(ws), body, owner.headers());
            long seconds = (System.nanoTime() - started) / 1_000_000_000;

            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().at("/errors/0/message").asText()).startsWith("unreachable");
            assertThat(refused.json().at("/errors/1/message").asText()).startsWith("timeout");
            assertThat(seconds).as("a 2 s read timeout, not a hang").isLessThan(15);
        }
    }

    @Test
    void testingAgainAfterThePasswordChangedMarksItFailingAndAFixReconnectsIt() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String address = user("di", "acme.com");
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        String id = http.post(mailboxes(ws), smtpBody(address, PASSWORD), owner.headers()).json().get("id").asText();

        greenMail.getUserManager().getUserByEmail(address).setPassword("rotated");
        Reply tested = http.post(mailboxes(ws) + "/" + id + "/test", "{}", owner.headers());

        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        assertThat(tested.json().get("passed").asBoolean()).isFalse();
        assertThat(tested.json().at("/mailbox/status").asText()).isEqualTo("failing");
        assertThat(tested.json().at("/mailbox/eligibleForSending").asBoolean()).isFalse();
        assertThat(published("mailbox.updated", ws)).hasSize(1);

        Reply fixed = http.patch(mailboxes(ws) + "/" + id, """
                {"dailyLimit":60,"smtp":%s,"imap":%s}""".formatted(server(greenMail.getSmtp().getPort(), "rotated"),
                server(greenMail.getImap().getPort(), "rotated")), owner.headers());
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("status").asText()).isEqualTo("connected");
        assertThat(fixed.json().get("dailyLimit").asInt()).isEqualTo(60);
        assertThat(published("mailbox.updated", ws)).hasSize(2);
    }

    @Test
    void anotherWorkspaceCannotSeeChangeOrRemoveIt() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        String address = user("ed", "acme.com");
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        String id = http.post(mailboxes(ws), smtpBody(address, PASSWORD), owner.headers()).json().get("id").asText();
        Caller stranger = Caller.owner(other);
        var before = snapshot();

        assertThat(http.get(mailboxes(other) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.patch(mailboxes(other) + "/" + id, "{\"dailyLimit\":5}", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.post(mailboxes(other) + "/" + id + "/test", "{}", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.delete(mailboxes(other) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(mailboxes(other), stranger.headers()).json().get("items")).isEmpty();
        assertThat(http.post(mailboxes(other), smtpBody(address, PASSWORD), stranger.headers()).problemSlug())
                .as("the address is on a domain the other workspace never added").isEqualTo("validation-failed");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(http.delete(mailboxes(ws) + "/" + id, Caller.of(ws, Role.VIEWER).headers()).status()).isEqualTo(403);

        assertThat(http.delete(mailboxes(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);
        assertThat(http.get(mailboxes(ws) + "/" + id, owner.headers()).status()).isEqualTo(404);
        assertThat(published("mailbox.removed", ws)).hasSize(1);
        Reply back = http.post(mailboxes(ws), smtpBody(address, PASSWORD), owner.headers());
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(back.json().get("version").asLong()).as("versions continue after removal").isEqualTo(3);
    }

    @Test
    void anSesMailboxCreatesTheDomainIdentityWithItsOwnDkimKeyAndConnectsOnceSesVerifiesIt() {
        String ws = workspace();
        sesVerified.set(false);
        sesRequests.clear();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "mail.acme.com").status()).isEqualTo(201);

        Reply connected = http.post(mailboxes(ws), """
                {"address":"fay@mail.acme.com","provider":"ses","warmup":{"enabled":false}}""", owner.headers());

        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        assertThat(connected.json().get("status").asText()).as("SES has not verified it yet").isEqualTo("failing");
        assertThat(connected.json().get("allowanceToday").asInt()).isEqualTo(30);
        String create = sesRequests.stream().filter(r -> r.startsWith("POST /v2/email/identities ")).findFirst().orElseThrow();
        assertThat(create).contains("\"EmailIdentity\":\"mail.acme.com\"").contains("\"DomainSigningSelector\":\"pm1\"")
                .contains("\"DomainSigningPrivateKey\":\"MII").contains("\"Value\":\"" + ws + "\"");

        sesVerified.set(true);
        Reply tested = http.post(mailboxes(ws) + "/" + connected.json().get("id").asText() + "/test", "{}", owner.headers());
        assertThat(tested.json().at("/mailbox/status").asText()).isEqualTo("connected");
        assertThat(sesRequests.stream().filter(r -> r.startsWith("POST")).count()).as("created once").isEqualTo(1);
        assertThat(sesIdentities).containsEntry("mail.acme.com", ws);

        String other = workspace();
        assertThat(add(Caller.owner(other), other, "mail.acme.com").status()).isEqualTo(201);
        Reply taken = http.post(mailboxes(other), """
                {"address":"gil@mail.acme.com","provider":"ses"}""", Caller.owner(other).headers());
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.problemSlug()).isEqualTo("ses-identity-taken");
    }
}

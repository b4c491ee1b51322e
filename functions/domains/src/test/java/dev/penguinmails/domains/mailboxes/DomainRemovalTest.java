package dev.penguinmails.domains.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.domains.Caller;
import dev.penguinmails.events.billing.PlanLimits;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Removing a domain removes its mailboxes (each announced with {@code mailbox.removed}) and deletes the SES
 * identity its workspace created, against the recording SES server; never another workspace's identity, and a
 * removal stopped midway finishes when the DELETE is repeated.
 */
@MicronautTest
@Tag("integration")
class DomainRemovalTest extends MailboxesApiTest {

    @Test
    void removingADomainRemovesItsMailboxesOnlyAndAnnouncesEach() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        plan(ws, "growth", new PlanLimits(10, 1, 1, 1, 1), 1);
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        assertThat(add(owner, ws, "other.com").status()).isEqualTo(201);
        String ana = connect(ws, user("ana", "acme.com"));
        String bo = connect(ws, user("bo", "acme.com"));
        String keep = connect(ws, user("cy", "other.com"));
        sesRequests.clear();

        Reply removed = http.delete(domains(ws) + "/acme.com", owner.headers());

        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(http.get(mailboxes(ws) + "/" + ana, owner.headers()).status()).isEqualTo(404);
        assertThat(http.get(mailboxes(ws) + "/" + bo, owner.headers()).status()).isEqualTo(404);
        assertThat(http.get(mailboxes(ws) + "/" + keep, owner.headers()).status()).isEqualTo(200);
        assertThat(published("mailbox.removed", ws)).extracting(e -> e.detail())
                .hasSize(2).anyMatch(d -> d.contains(ana)).anyMatch(d -> d.contains(bo));
        assertThat(published("domain.removed", ws)).hasSize(1);
        assertThat(sesRequests).as("no SES mailbox, so SES is not asked").isEmpty();
    }

    @Test
    void theSesIdentityItsWorkspaceCreatedGoesWithTheDomainEvenWhenTheFirstTryFailsMidway() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        plan(ws, "growth", new PlanLimits(10, 1, 1, 1, 1), 1);
        assertThat(add(owner, ws, "send.acme.com").status()).isEqualTo(201);
        String viaSes = sesMailbox(ws, "fay@send.acme.com");
        String viaSmtp = connect(ws, user("gil", "send.acme.com"));
        assertThat(sesIdentities).containsEntry("send.acme.com", ws);

        sesDeleteDown.set(true);
        Reply failed = http.delete(domains(ws) + "/send.acme.com", owner.headers());
        sesDeleteDown.set(false);

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        assertThat(failed.problemSlug()).isEqualTo("ses-unavailable");
        assertThat(get(owner, ws, "/send.acme.com").status()).as("the domain stays until its identity is gone")
                .isEqualTo(200);
        assertThat(published("mailbox.removed", ws)).as("its mailboxes went first").hasSize(2);
        assertThat(sesIdentities).containsKey("send.acme.com");

        Reply again = http.delete(domains(ws) + "/send.acme.com", owner.headers());

        assertThat(again.status()).as(again.body()).isEqualTo(204);
        assertThat(sesIdentities).doesNotContainKey("send.acme.com");
        assertThat(sesRequests).filteredOn(r -> r.startsWith("DELETE /v2/email/identities/send.acme.com"))
                .as("the failed attempt's, then the one that worked").hasSizeGreaterThanOrEqualTo(2);
        assertThat(published("mailbox.removed", ws)).as("each mailbox announced once").hasSize(2)
                .extracting(e -> e.detail()).anyMatch(d -> d.contains(viaSes)).anyMatch(d -> d.contains(viaSmtp));
        assertThat(published("domain.removed", ws)).hasSize(1);
        assertThat(get(owner, ws, "/send.acme.com").status()).isEqualTo(404);
    }

    @Test
    void anIdentityNowTaggedForAnotherWorkspaceIsNeverDeleted() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "mail.acme.com").status()).isEqualTo(201);
        sesMailbox(ws, "hal@mail.acme.com");
        // The identity was deleted outside PenguinMails and another workspace created it again since.
        sesIdentities.put("mail.acme.com", other);
        sesRequests.clear();

        Reply removed = http.delete(domains(ws) + "/mail.acme.com", owner.headers());

        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(sesIdentities).containsEntry("mail.acme.com", other);
        assertThat(sesRequests).noneMatch(r -> r.startsWith("DELETE"));
        assertThat(sesRequests).anyMatch(r -> r.startsWith("GET /v2/email/identities/mail.acme.com"));
    }

    @Test
    void anotherWorkspaceCannotRemoveTheDomainOrItsMailboxes() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        assertThat(add(Caller.owner(other), other, "acme.com").status()).isEqualTo(201);
        String ana = connect(ws, user("ivy", "acme.com"));

        assertThat(http.delete(domains(other) + "/acme.com", Caller.owner(other).headers()).status()).isEqualTo(204);

        assertThat(http.get(mailboxes(ws) + "/" + ana, owner.headers()).json().get("status").asText())
                .isEqualTo("connected");
        assertThat(published("mailbox.removed", ws)).isEmpty();
        assertThat(get(owner, ws, "/acme.com").status()).isEqualTo(200);
    }

    private String sesMailbox(String ws, String address) {
        Reply connected = http.post(mailboxes(ws), "{\"address\":\"" + address + "\",\"provider\":\"ses\"}",
                Caller.owner(ws).headers());
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        return connected.json().get("id").asText();
    }
}

package dev.penguinmails.contacts.unsubscribes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.ContactsApiTest;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.events.sending.CampaignSend;
import dev.penguinmails.events.sending.EmailUnsubscribed;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code email.unsubscribed} through the real rule, queue and consumer: the contact becomes unsubscribed (with
 * {@code contact.unsubscribed}), the address is suppressed (with {@code suppression.added}), once, whatever is redelivered.
 */
@MicronautTest
@Tag("integration")
class UnsubscribeConsumerTest extends ContactsApiTest {

    @Test
    void anUnsubscribeMarksTheContactAndSuppressesTheAddressOnceThoughRepeated() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = contact(owner, ws, "ana@acme.io");
        var event = unsubscribed(ws, id, "ana@acme.io");

        publish(event);
        publish(event);
        deliver();
        publish(event);
        publish(unsubscribed(ws, id, "ana@acme.io"));
        deliver();

        var contact = http.get(contacts(ws) + "/" + id, owner.headers());
        assertThat(contact.json().get("status").asText()).isEqualTo("unsubscribed");
        assertThat(contact.json().get("version").asLong()).as("changed once").isEqualTo(2);
        assertThat(published("contact.unsubscribed", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(EmailHashes.of(ws, "ana@acme.io")));
        assertThat(published("suppression.added", ws)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("\"reason\":\"unsubscribed\"").contains(EmailHashes.of(ws, "ana@acme.io")));
        var entries = http.get(suppressions(ws), owner.headers()).json().get("items");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("reason").asText()).isEqualTo("unsubscribed");
    }

    @Test
    void theAddressIsSuppressedByItsHashWhenTheContactIsGone() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id = contact(owner, ws, "bo@acme.io");
        assertThat(http.delete(contacts(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);

        publish(unsubscribed(ws, id, "bo@acme.io"));
        deliver();

        assertThat(published("suppression.added", ws)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains(EmailHashes.of(ws, "bo@acme.io")).doesNotContain("bo@acme.io\""));
        assertThat(published("contact.unsubscribed", ws)).isEmpty();
        assertThat(http.post(contacts(ws), "{\"email\":\"bo@acme.io\"}", owner.headers()).status())
                .as("the address may come back as a contact; it stays suppressed").isEqualTo(201);
    }

    @Test
    void anEventOfWorkspaceANamingAContactOfWorkspaceBChangesNothingInB() {
        String wsA = workspace();
        String wsB = workspace();
        Caller ownerB = Caller.owner(wsB);
        String idB = contact(ownerB, wsB, "cy@acme.io");

        publish(unsubscribed(wsA, idB, "cy@acme.io"));
        deliver();

        assertThat(http.get(contacts(wsB) + "/" + idB, ownerB.headers()).json().get("status").asText()).isEqualTo("active");
        assertThat(published("suppression.added", wsB)).isEmpty();
        assertThat(published("contact.unsubscribed", wsB)).isEmpty();
        assertThat(published("contact.unsubscribed", wsA)).isEmpty();
    }

    private String contact(Caller owner, String ws, String email) {
        var reply = create(owner, ws, "{\"email\":\"" + email + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static DomainEvent<EmailUnsubscribed> unsubscribed(String ws, String contactId, String address) {
        return DomainEvent.create(SendingEvents.EMAIL_UNSUBSCRIBED, ws, new EmailUnsubscribed("m1@mail.acme.io",
                new CampaignSend("cmp_1", "enr_1", contactId, 0, "var_a"), EmailHashes.of(ws, address), "one-click"));
    }

    private void publish(DomainEvent<?> event) {
        context.getBean(EventPublisher.class).publish(event);
    }

    private void deliver() {
        List<String> failed = QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.CONTACTS_UNSUBSCRIBES)),
                new UnsubscribeConsumer(context)::execute);
        assertThat(failed).as("consumer failures").isEmpty();
    }
}

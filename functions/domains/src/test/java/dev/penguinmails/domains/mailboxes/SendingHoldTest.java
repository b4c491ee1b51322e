package dev.penguinmails.domains.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.events.sending.MailboxSendingHeld;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sending's {@code mailbox.sending_held} published on the bus and delivered through the {@code domains-sending} queue
 * to the real consumer: the held version of a connected mailbox becomes failing with the server's words, once; a
 * stale, removed, unknown or other workspace's mailbox changes nothing; a passing test or new credentials connect it
 * again.
 */
@MicronautTest
@Tag("integration")
class SendingHoldTest extends MailboxesApiTest {
    private static final String REFUSED = "authentication failed: 535 5.7.8 Username and Password not accepted";

    @Test
    void aHoldMakesTheHeldVersionFailingOnceAndAPassingTestConnectsItAgain() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "acme.io").status()).isEqualTo(201);
        String id = connect(ws, user("ana", "acme.io"));
        DomainEvent<MailboxSendingHeld> held = hold(ws, id, 1);

        deliver();

        JsonNode mailbox = mailbox(ws, id);
        assertThat(mailbox.get("status").asText()).isEqualTo("failing");
        assertThat(mailbox.get("eligibleForSending").asBoolean()).isFalse();
        assertThat(mailbox.get("version").asLong()).isEqualTo(2);
        assertThat(mailbox.at("/lastFailure/code").asInt()).isEqualTo(535);
        assertThat(mailbox.at("/lastFailure/reason").asText()).isEqualTo(REFUSED);
        assertThat(mailbox.at("/lastFailure/source").asText()).isEqualTo("sending");
        assertThat(mailbox.at("/lastFailure/at").asText()).isEqualTo(held.occurredAt().toString());
        assertThat(mailbox.at("/lastTest/passed").asBoolean()).as("our own test is not rewritten").isTrue();
        assertThat(published("mailbox.updated", ws)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("\"mailboxId\":\"" + id + "\"", "\"status\":\"failing\"", "\"eligibleForSending\":false",
                        "\"version\":2"));

        // The same event again (a duplicate delivery) and another report of the same version change nothing more.
        var before = mailboxItems();
        publish(held);
        hold(ws, id, 1);
        deliver();
        assertThat(mailboxItems()).isEqualTo(before);
        assertThat(published("mailbox.updated", ws)).hasSize(1);

        Reply tested = http.post(mailboxes(ws) + "/" + id + "/test", "{}", owner.headers());
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        assertThat(tested.json().at("/mailbox/status").asText()).isEqualTo("connected");
        assertThat(tested.json().at("/mailbox/eligibleForSending").asBoolean()).isTrue();
        assertThat(tested.json().get("mailbox").has("lastFailure")).as("connected again, no standing failure").isFalse();
        List<String> updates = published("mailbox.updated", ws).stream().map(e -> e.detail()).toList();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1)).contains("\"status\":\"connected\"", "\"eligibleForSending\":true", "\"version\":3");
    }

    @Test
    void newCredentialsConnectAHeldMailboxAgain() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "acme.io").status()).isEqualTo(201);
        String address = user("bo", "acme.io");
        String id = connect(ws, address);
        hold(ws, id, 1);
        deliver();
        assertThat(mailbox(ws, id).get("status").asText()).isEqualTo("failing");

        greenMail.getUserManager().getUserByEmail(address).setPassword("rotated");
        Reply fixed = http.patch(mailboxes(ws) + "/" + id, """
                {"smtp":%s,"imap":%s}""".formatted(server(greenMail.getSmtp().getPort(), "rotated"),
                server(greenMail.getImap().getPort(), "rotated")), owner.headers());

        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("status").asText()).isEqualTo("connected");
        assertThat(fixed.json().get("eligibleForSending").asBoolean()).isTrue();
        assertThat(fixed.json().has("lastFailure")).as("connected again, no standing failure").isFalse();
        assertThat(published("mailbox.updated", ws)).hasSize(2);
    }

    @Test
    void aHoldOfAnOlderVersionChangesNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "acme.io").status()).isEqualTo(201);
        String id = connect(ws, user("cy", "acme.io"));
        // The customer changed the mailbox meanwhile: version 2 answers whatever refused version 1.
        assertThat(http.patch(mailboxes(ws) + "/" + id, "{\"dailyLimit\":20}", owner.headers()).status()).isEqualTo(200);
        var before = mailboxItems();

        hold(ws, id, 1);
        deliver();

        assertThat(mailboxItems()).isEqualTo(before);
        assertThat(mailbox(ws, id).get("status").asText()).isEqualTo("connected");
        assertThat(published("mailbox.updated", ws)).as("the change's own event only").hasSize(1);
    }

    @Test
    void aRemovedOrUnknownMailboxChangesNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "acme.io").status()).isEqualTo(201);
        String id = connect(ws, user("di", "acme.io"));
        assertThat(http.delete(mailboxes(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);
        var before = mailboxItems();

        hold(ws, id, 1);
        hold(ws, id, 2);
        hold(ws, MailboxIds.of(ws, "nobody@acme.io"), 1);
        hold(ws, "mbx_not-an-id", 1);
        deliver();

        assertThat(mailboxItems()).isEqualTo(before);
        assertThat(published("mailbox.updated", ws)).isEmpty();
    }

    @Test
    void onlyTheEventsWorkspaceIsTouched() {
        String ws = workspace();
        String neighbour = workspace();
        assertThat(add(Caller.owner(ws), ws, "acme.io").status()).isEqualTo(201);
        assertThat(add(Caller.owner(neighbour), neighbour, "acme.io").status()).isEqualTo(201);
        String address = user("ed", "acme.io");
        String mine = connect(ws, address);
        String theirs = connect(neighbour, address);

        // A hold in one workspace naming the other's mailbox finds nothing there.
        hold(ws, theirs, 1);
        deliver();
        assertThat(mailbox(neighbour, theirs).get("status").asText()).isEqualTo("connected");
        assertThat(mailbox(ws, mine).get("status").asText()).isEqualTo("connected");

        hold(ws, mine, 1);
        deliver();
        assertThat(mailbox(ws, mine).get("status").asText()).isEqualTo("failing");
        assertThat(mailbox(neighbour, theirs).get("status").asText()).isEqualTo("connected");
        assertThat(mailbox(neighbour, theirs).get("version").asLong()).isEqualTo(1);
        assertThat(published("mailbox.updated", neighbour)).isEmpty();
    }

    /** Publishes sending's hold of {@code id} at {@code version} in {@code ws}, as sending's outbox would. */
    private DomainEvent<MailboxSendingHeld> hold(String ws, String id, long version) {
        DomainEvent<MailboxSendingHeld> event = DomainEvent.create(SendingEvents.MAILBOX_SENDING_HELD, ws,
                new MailboxSendingHeld(id, version, 535, REFUSED));
        publish(event);
        return event;
    }

    private void publish(DomainEvent<MailboxSendingHeld> event) {
        context.getBean(EventPublisher.class).publish(event);
    }

    private void deliver() {
        deliver(PenguinMailsTopology.DOMAINS_SENDING, new SendingHoldConsumer(context));
    }

    private JsonNode mailbox(String ws, String id) {
        Reply reply = http.get(mailboxes(ws) + "/" + id, Caller.owner(ws).headers());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Every mailbox item of the table (consumed-event records aside, which a first delivery does write). */
    private List<Map<String, AttributeValue>> mailboxItems() {
        return snapshot().stream().filter(i -> i.get("pk").s().endsWith("#" + MailboxStore.PARTITION)).toList();
    }
}

package dev.penguinmails.sending.enrolments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.contacts.AudienceChunk;
import dev.penguinmails.events.contacts.ContactDeleted;
import dev.penguinmails.events.contacts.ContactErased;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.ContactUnsubscribed;
import dev.penguinmails.events.contacts.ContactUpdated;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.sending.SendingFlow;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Enrolment through the real rule, queue and consumer: once per (campaign, contact), current, stopped. */
@MicronautTest
@Tag("integration")
class EnrolmentsConsumerTest extends SendingFlow {

    private <P extends Record> void publish(EventType<P> type, String ws, P payload) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(type, ws, payload));
    }

    private void deliver() {
        List<String> failed = QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.SENDING_ENROLMENTS)), new EnrolmentsConsumer(context)::execute);
        assertThat(failed).as("consumer failures").isEmpty();
    }

    /** The workspace's enrolments, audience progress and due items (not the consumer's record of events it took). */
    private java.util.Set<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> enrolmentItems(String ws) {
        return snapshot().stream().filter(i -> i.get("pk").s().startsWith("WS#" + ws + "#ENROLMENTS")
                || i.get("pk").s().equals("WS#" + ws + "#AUDIENCE") || i.get("pk").s().startsWith("DUE#"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private EnrolmentStore store() {
        return context.getBean(EnrolmentStore.class);
    }

    @Test
    void chunksEnrolEachContactOnceAndTheAudienceIsCompleteWhenEveryChunkArrived() {
        String ws = workspace();
        String campaign = launchedWithOneSmtpMailbox(ws);
        ContactState ana = contact(ws, "con_ana", "ana@example.io", "Ana", "Europe/Lisbon", 1);
        ContactState bo = contact(ws, "con_bo", "bo@example.io", "Bo", null, 1);
        AudienceChunk first = new AudienceChunk(campaign, 2, 0, 2, 2, List.of(ana));
        publish(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, ws, first);
        publish(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, ws, first);
        deliver();
        AudienceProgress progress = context.getBean(AudienceProgress.class);
        assertThat(progress.of(tenant(ws), campaign)).hasValueSatisfying(a -> {
            assertThat(a.complete()).isFalse();
            assertThat(a.received()).isEqualTo(1);
        });
        var before = enrolmentItems(ws);
        publish(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, ws, first);
        deliver();
        assertThat(enrolmentItems(ws)).as("a chunk sent again creates nothing").isEqualTo(before);

        publish(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, ws, new AudienceChunk(campaign, 2, 1, 2, 2, List.of(bo)));
        deliver();
        assertThat(progress.of(tenant(ws), campaign)).hasValueSatisfying(a -> {
            assertThat(a.complete()).isTrue();
            assertThat(a.size()).isEqualTo(2);
        });
        Enrolment enrolment = store().get(tenant(ws), Enrolment.id(campaign, "con_ana")).orElseThrow();
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolment.step()).isZero();
        assertThat(enrolment.dueAt()).as("the first step is due at once").isEqualTo(MONDAY_10);
        assertThat(enrolment.contact().firstName()).isEqualTo("Ana");
        assertThat(store().get(tenant(workspace()), enrolment.id())).as("another workspace").isEmpty();
    }

    @Test
    void aChunkForAnotherWorkspacesCampaignEnrolsNobody() {
        String ws = workspace();
        String campaign = launchedWithOneSmtpMailbox(ws);
        String intruder = workspace();
        publish(ContactEvents.CAMPAIGN_AUDIENCE_CHUNK, intruder, new AudienceChunk(campaign, 2, 0, 1, 1,
                List.of(contact(intruder, "con_eve", "eve@example.io", "Eve", null, 1))));
        deliver();
        assertThat(store().ofContact(tenant(intruder), "con_eve")).isEmpty();
        assertThat(store().ofContact(tenant(ws), "con_eve")).isEmpty();
    }

    @Test
    void contactChangesApplyByVersionAndDeletionErasureAndUnsubscribeStopEnrolments() {
        String ws = workspace();
        String one = launchedWithOneSmtpMailbox(ws);
        String two = launched(ws, READY, "mbx_smtp");
        for (String campaign : List.of(one, two)) {
            enrol(ws, campaign, List.of(contact(ws, "con_cy", "cy@example.io", "Cy", null, 2),
                    contact(ws, "con_di", "di@example.io", "Di", null, 1),
                    contact(ws, "con_ed", "ed@example.io", "Ed", null, 1)));
        }

        publish(ContactEvents.CONTACT_UPDATED, ws, new ContactUpdated(contact(ws, "con_cy", "cy@example.io", "Cyrus", null, 3)));
        publish(ContactEvents.CONTACT_UPDATED, ws, new ContactUpdated(contact(ws, "con_cy", "cy@example.io", "Old", null, 1)));
        publish(ContactEvents.CONTACT_UNSUBSCRIBED, ws, new ContactUnsubscribed("con_di", EmailHashes.of(ws, "di@example.io"), 2));
        publish(ContactEvents.CONTACT_ERASED, ws, new ContactErased("con_ed", EmailHashes.of(ws, "ed@example.io"), 2));
        publish(ContactEvents.CONTACT_DELETED, ws, new ContactDeleted("con_ed", 2));
        deliver();

        assertThat(store().ofContact(tenant(ws), "con_cy")).hasSize(2).allSatisfy(e -> {
            assertThat(e.contact().firstName()).as("the newer snapshot, not the late older one").isEqualTo("Cyrus");
            assertThat(e.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        });
        assertThat(store().ofContact(tenant(ws), "con_di")).hasSize(2).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EnrolmentStatus.STOPPED);
            assertThat(e.stopReason()).isEqualTo("unsubscribed");
        });
        assertThat(store().ofContact(tenant(ws), "con_ed")).hasSize(2).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EnrolmentStatus.STOPPED);
            assertThat(e.contact()).as("an erased contact's snapshot is gone").isNull();
        });
    }
}

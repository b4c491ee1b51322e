package dev.penguinmails.contacts.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.contacts.query.Caller;
import dev.penguinmails.contacts.query.QueryApiTest;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.sending.CampaignLaunched;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestDatabase;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.RuleSpec;
import dev.penguinmails.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Base of the campaign audience tests: campaign audiences through the real consumer: {@code campaign.launched} published to the bus and routed to
 * {@code contacts-audiences} by the topology's rule, resolved from the query model (embedded Postgres) and the lists
 * and segments (dynalite), and answered with {@code campaign.audience.chunk} events that the publisher checks against
 * their schema. The chunks are caught by a queue this test adds to the stack, as sending's would be.
 */
abstract class AudienceTestBase extends QueryApiTest {
    static final String CAUGHT = "caught-audience-chunks";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, String> getProperties() {
        Topology base = PenguinMailsTopology.define();
        List<QueueSpec> queues = new ArrayList<>(base.queues());
        queues.add(QueueSpec.work(CAUGHT, 60, 5));
        List<RuleSpec> rules = new ArrayList<>(base.rules());
        rules.add(new RuleSpec(CAUGHT, """
                {"source":["penguinmails.contacts"],"detail-type":["campaign.audience.chunk"]}""", List.of(CAUGHT)));
        stack = TestAws.freshStack(new Topology(base.name(), base.tables(), base.buckets(), queues, base.eventBus(), rules,
                base.functions(), base.databases()));
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.putAll(TestDatabase.fresh(PenguinMailsTopology.CONTACTS_DATABASE));
        properties.put(AuthorizerContextInjection.ENABLED, "true");
        // One chunk per batch and no budget: every batch after the first goes through a queued slice.
        properties.put("penguinmails.contacts.audiences.publish-batch", "1");
        properties.put("penguinmails.contacts.audiences.slice-budget", "0s");
        return properties;
    }

    /** Publishes the launch as sending does and runs the real consumer over its queue; how many messages failed. */
    int launch(String ws, String campaignId, long version, List<String> listIds, List<String> segmentIds) {
        publish(DomainEvent.create(SendingEvents.CAMPAIGN_LAUNCHED, ws,
                new CampaignLaunched(campaignId, version, listIds, segmentIds)));
        return deliver();
    }

    int deliver() {
        return drain(PenguinMailsTopology.CONTACTS_AUDIENCES, new AudienceConsumer(context)::execute);
    }

    /** Every chunk event that reached the catching queue (taken off it), in chunk order. */
    List<JsonNode> caught() {
        SqsClient sqs = TestAws.shared().clients().sqs();
        String url = stack.queueUrl(CAUGHT);
        List<JsonNode> events = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message m : batch) {
                try {
                    events.add(JSON.readTree(m.body()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        events.sort((a, b) -> Integer.compare(a.get("detail").get("chunk").asInt(), b.get("detail").get("chunk").asInt()));
        return events;
    }

    static List<String> contactIds(List<JsonNode> events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> e.get("detail").get("contacts").forEach(c -> ids.add(c.get("contactId").asText())));
        return ids;
    }

    static String campaign() {
        return Ids.newId("cmp");
    }

    String segment(String ws, String tag) {
        Reply segment = http.post(segments(ws), "{\"name\":\"" + tag + "\",\"definition\":{\"match\":\"all\",\"rules\":[{"
                + "\"field\":\"tags\",\"op\":\"has_any\",\"values\":[\"" + tag + "\"]}]}}", Caller.owner(ws).headers());
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);
        return segment.text("id");
    }

    String list(String ws, List<ContactState> members) {
        Caller owner = Caller.owner(ws);
        String id = http.post(lists(ws), "{\"name\":\"Webinar\"}", owner.headers()).text("id");
        Reply added = http.post(lists(ws) + "/" + id + "/members", "{\"contactIds\":[\""
                + String.join("\",\"", members.stream().map(ContactState::contactId).toList()) + "\"]}", owner.headers());
        assertThat(added.status()).as(added.body()).isEqualTo(204);
        return id;
    }

    static ContactState named(ContactState s, String first, String timezone) {
        return new ContactState(s.contactId(), s.email(), s.emailHash(), first, "Lovelace", "Acme", "CTO", "+4915112345678",
                timezone, s.tags(), s.customFields(), s.source(), s.status(), s.version());
    }
}

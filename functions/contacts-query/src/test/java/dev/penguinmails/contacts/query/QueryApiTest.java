package dev.penguinmails.contacts.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.penguinmails.contacts.query.projection.ContactProjector;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactCreated;
import dev.penguinmails.events.contacts.ContactDeleted;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.ContactUpdated;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestDatabase;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Base of the contacts-query tests: a fresh copy of the stack in the local emulators and a fresh database in the
 * JVM's embedded Postgres per class, the real handler behind an embedded server. Contacts are made as the contacts
 * function makes them: an item in the contacts table and its event on the bus, delivered through the
 * {@code contacts-projection} queue to the real projector.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
public abstract class QueryApiTest implements TestPropertyProvider {
    @Inject
    protected ApplicationContext context;
    @Inject
    protected EmbeddedServer server;

    protected ProvisionedStack stack;
    protected TestHttp http;

    @Override
    public Map<String, String> getProperties() {
        stack = TestAws.freshStack();
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.putAll(TestDatabase.fresh(PenguinMailsTopology.CONTACTS_DATABASE));
        properties.put(AuthorizerContextInjection.ENABLED, "true");
        return properties;
    }

    @BeforeEach
    void client() {
        http = new TestHttp(server.getURL());
    }

    protected static String workspace() {
        return Ids.newId("ws");
    }

    protected static String segments(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/segments";
    }

    protected static String lists(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/lists";
    }

    protected DynamoDbClient dynamo() {
        return context.getBean(DynamoDbClient.class);
    }

    protected String table() {
        return stack.tableName(PenguinMailsTopology.CONTACTS);
    }

    /** Declares a custom field as the contacts function does. */
    protected void declare(String workspaceId, String name, String type) {
        dynamo().putItem(r -> r.tableName(table()).item(Map.of("pk", AttributeValue.fromS("WS#" + workspaceId + "#CONTACT-FIELDS"),
                "sk", AttributeValue.fromS(name), "type", AttributeValue.fromS(type),
                "createdAt", AttributeValue.fromS(Instant.now().toString()))));
    }

    /** A contact's state; change it with the record's wither-style helpers below. */
    protected static ContactState state(String email, List<String> tags, Map<String, String[]> custom) {
        List<ContactState.CustomField> fields = new ArrayList<>();
        custom.forEach((name, typeAndValue) -> fields.add(new ContactState.CustomField(name, typeAndValue[0], typeAndValue[1])));
        return new ContactState(Ids.newId("con"), email, "0".repeat(64), null, null, null, null, null, null, tags, fields,
                "manual", "active", 1);
    }

    protected static ContactState withVersion(ContactState s, long version, String status, List<String> tags) {
        return new ContactState(s.contactId(), s.email(), s.emailHash(), s.firstName(), s.lastName(), s.company(),
                s.title(), s.phone(), s.timezone(), tags, s.customFields(), s.source(), status, version);
    }

    /** Records {@code s} in the contacts table as the contacts function lays it out. */
    protected void record(String workspaceId, ContactState s) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("WS#" + workspaceId + "#CONTACTS"));
        item.put("sk", AttributeValue.fromS(s.contactId()));
        item.put("workspaceId", AttributeValue.fromS(workspaceId));
        item.put("id", AttributeValue.fromS(s.contactId()));
        item.put("email", AttributeValue.fromS(s.email()));
        item.put("emailHash", AttributeValue.fromS(EmailHashes.of(workspaceId, s.email())));
        item.put("tags", AttributeValue.fromL(s.tags().stream().map(AttributeValue::fromS).toList()));
        Map<String, AttributeValue> custom = new HashMap<>();
        s.customFields().forEach(f -> custom.put(f.name(), AttributeValue.fromM(Map.of("t", AttributeValue.fromS(f.type()),
                "v", AttributeValue.fromS(f.value())))));
        item.put("customFields", AttributeValue.fromM(custom));
        item.put("source", AttributeValue.fromS(s.source()));
        item.put("status", AttributeValue.fromS(s.status()));
        item.put("createdAt", AttributeValue.fromS(Instant.now().toString()));
        item.put("updatedAt", AttributeValue.fromS(Instant.now().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(s.version())));
        dynamo().putItem(r -> r.tableName(table()).item(item));
    }

    /** Records the contact and publishes {@code contact.created} (version 1) or {@code contact.updated}. */
    protected void save(String workspaceId, ContactState s) {
        record(workspaceId, s);
        publish(s.version() == 1
                ? DomainEvent.create(ContactEvents.CONTACT_CREATED, workspaceId, new ContactCreated(s.contactId(), s))
                : DomainEvent.create(ContactEvents.CONTACT_UPDATED, workspaceId, new ContactUpdated(s)));
    }

    /** Records the tombstone and publishes {@code contact.deleted} at {@code version}. */
    protected void delete(String workspaceId, ContactState s, long version) {
        dynamo().putItem(r -> r.tableName(table()).item(Map.of("pk", AttributeValue.fromS("WS#" + workspaceId + "#CONTACTS"),
                "sk", AttributeValue.fromS(s.contactId()), "id", AttributeValue.fromS(s.contactId()),
                "status", AttributeValue.fromS("REMOVED"), "version", AttributeValue.fromN(Long.toString(version)))));
        publish(DomainEvent.create(ContactEvents.CONTACT_DELETED, workspaceId, new ContactDeleted(s.contactId(), version)));
    }

    protected void publish(DomainEvent<?> event) {
        context.getBean(EventPublisher.class).publish(event);
    }

    /** Runs the real projector over everything on its queue, as Lambda's SQS trigger would; fails on any failure. */
    protected void project() {
        ContactProjector projector = new ContactProjector(context);
        assertThat(drain(PenguinMailsTopology.CONTACTS_PROJECTION, projector::execute)).as("projector failures").isZero();
    }

    /**
     * Hands everything on {@code queue} to {@code handler} in batches of up to ten, as Lambda's SQS trigger would,
     * until the queue is empty (messages the handler queues meanwhile included), deleting each message handed over;
     * how many the handler reported failed.
     */
    protected int drain(String queue, java.util.function.Function<SQSEvent, SQSBatchResponse> handler) {
        SqsClient sqs = TestAws.shared().clients().sqs();
        String url = stack.queueUrl(queue);
        int failed = 0;
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return failed;
            }
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (Message m : messages) {
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(m.messageId());
                record.setReceiptHandle(m.receiptHandle());
                record.setBody(m.body());
                record.setAttributes(new HashMap<>(m.attributesAsStrings()));
                record.setEventSource("aws:sqs");
                records.add(record);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            failed += handler.apply(event).getBatchItemFailures().size();
            messages.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }

    /** The query model's row of a contact, as column to value, or an empty map. */
    protected Map<String, Object> row(String workspaceId, String contactId) {
        return context.getBean(QueryModel.class).inWorkspace(workspaceId, c -> {
            try (var s = c.prepareStatement("SELECT version, deleted, email, status, array_to_string(tags, ','), "
                    + "custom_fields::text FROM contacts WHERE contact_id = ?")) {
                s.setString(1, contactId);
                try (var r = s.executeQuery()) {
                    if (!r.next()) {
                        return Map.of();
                    }
                    Map<String, Object> row = new HashMap<>();
                    row.put("version", r.getLong(1));
                    row.put("deleted", r.getBoolean(2));
                    row.put("email", r.getString(3));
                    row.put("status", r.getString(4));
                    row.put("tags", r.getString(5));
                    row.put("custom", r.getString(6));
                    return row;
                }
            }
        });
    }

    protected String eventBus() {
        return stack.property(ConfigKeys.EVENT_BUS);
    }
}

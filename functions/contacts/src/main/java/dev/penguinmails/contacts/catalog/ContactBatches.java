package dev.penguinmails.contacts.catalog;

import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactCreated;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.shared.aws.BatchWrites;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Contacts written many at a time (imports): the contact items of addresses already claimed for them
 * ({@link ContactStore#claim}), in BatchWriteItem chunks with unprocessed items sent again, and their
 * {@code contact.created} announced together afterwards. Batch writes cannot be conditional, so a caller writes only
 * ids it made for the row (the same on every attempt) after {@link #existing} said which are written already: writing
 * a batch again never overwrites a contact changed meanwhile. The items carry no outbox entry: the caller owes the
 * announcements and makes them again until it has recorded them (decision 0080), under event ids that are the same
 * on every attempt, so consumers drop a repeat.
 */
@Singleton
public class ContactBatches {
    private final DynamoDbClient dynamo;
    private final String table;
    private final EventPublisher publisher;

    ContactBatches(DynamoDbClient dynamo,
                   @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
                   EventPublisher publisher) {
        this.dynamo = dynamo;
        this.table = table;
        this.publisher = publisher;
    }

    /** A new contact and the id of its {@code contact.created}, the same on every attempt. */
    public record Created(Contact contact, String eventId) { }

    /**
     * The contacts of {@code ids} that have an item, by id: empty for a deleted one (its tombstone), else the contact
     * as stored.
     */
    public Map<String, Optional<Contact>> existing(TenantContext tenant, Collection<String> ids) {
        List<Map<String, AttributeValue>> keys = ids.stream().distinct().map(id -> ContactStore.key(tenant, id)).toList();
        return BatchWrites.getAll(dynamo, table, keys).stream().collect(Collectors.toMap(i -> i.get("sk").s(),
                i -> ContactItems.removed(i) ? Optional.<Contact>empty() : Optional.of(ContactItems.read(i)),
                (a, b) -> a));
    }

    /** Writes the new contacts (version 1), without announcing them: see {@link #announce}. */
    public void createAll(TenantContext tenant, List<Contact> contacts) {
        List<WriteRequest> writes = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            Map<String, AttributeValue> item = new HashMap<>(ContactItems.write(contact));
            item.putAll(ContactStore.key(tenant, contact.id()));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        BatchWrites.writeAll(dynamo, table, writes);
    }

    /**
     * Publishes the {@code contact.created} of each of {@code created} (PutEvents of up to 10 at a time); returns once
     * EventBridge took them all.
     *
     * @throws dev.penguinmails.events.publish.EventPublishException if some were still refused after the publisher's
     *                                                                retries: the caller announces them all again later
     */
    public void announce(TenantContext tenant, List<Created> created) {
        if (created.isEmpty()) {
            return;
        }
        Function<Created, DomainEvent<ContactCreated>> event = c -> new DomainEvent<>(ContactEvents.CONTACT_CREATED,
                c.eventId(), tenant.workspaceId(), c.contact().createdAt(),
                new ContactCreated(c.contact().id(), ContactService.state(c.contact())));
        publisher.publish(created.stream().map(event).toList());
    }
}

package dev.penguinmails.contacts.catalog;

import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactCreated;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
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
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Contacts written many at a time (imports): the contact items of addresses already claimed for them
 * ({@link ContactStore#claim}), in BatchWriteItem chunks with unprocessed items sent again, each carrying its
 * {@code contact.created} in its outbox exactly as a single create does. Batch writes cannot be conditional, so a
 * caller writes only ids it made for the row (the same on every attempt) after {@link #existing} said which are
 * written already: writing a batch again never overwrites a contact changed meanwhile.
 */
@Singleton
public class ContactBatches {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;

    ContactBatches(DynamoDbClient dynamo,
                   @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table, Outbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
    }

    /** Which of {@code ids} have a contact item (a deleted one's tombstone included). */
    public Set<String> existing(TenantContext tenant, Collection<String> ids) {
        List<Map<String, AttributeValue>> keys = ids.stream().distinct().map(id -> ContactStore.key(tenant, id)).toList();
        return BatchWrites.getAll(dynamo, table, keys).stream().map(i -> i.get("sk").s()).collect(Collectors.toSet());
    }

    /**
     * Writes the new contacts (version 1), then delivers their {@code contact.created} together (PutEvents of up to 10,
     * decision 0051); the relay delivers what fails.
     */
    public void createAll(TenantContext tenant, List<Contact> contacts) {
        List<WriteRequest> writes = new ArrayList<>();
        List<Outbox.Carried> owed = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            OutboxEntry entry = outbox.entry().event(DomainEvent.create(ContactEvents.CONTACT_CREATED,
                    tenant.workspaceId(), new ContactCreated(contact.id(), ContactService.state(contact)))).build();
            Map<String, AttributeValue> item = new HashMap<>(ContactItems.write(contact));
            item.putAll(ContactStore.key(tenant, contact.id()));
            item.putAll(entry.attributes());
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            owed.add(new Outbox.Carried(ContactStore.key(tenant, contact.id()), entry));
        }
        BatchWrites.writeAll(dynamo, table, writes);
        outbox.deliverAll(table, owed);
    }
}

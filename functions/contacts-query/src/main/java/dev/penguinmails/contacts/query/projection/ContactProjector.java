package dev.penguinmails.contacts.query.projection;

import dev.penguinmails.contacts.lists.ImportedLists;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.consume.SqsEventConsumer;
import dev.penguinmails.events.contacts.ContactCreated;
import dev.penguinmails.events.contacts.ContactDeleted;
import dev.penguinmails.events.contacts.ContactErased;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactImportCompleted;
import dev.penguinmails.events.contacts.ContactUpdated;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import java.util.Set;

/**
 * The SQS handler of queue {@code contacts-projection}: keeps the query model in step with contact changes.
 * Unsubscribes need nothing of their own: the {@code contact.updated} published with them carries the status.
 */
public class ContactProjector extends SqsEventConsumer<Record> {
    public ContactProjector() { }

    public ContactProjector(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String consumerName() {
        return PenguinMailsTopology.CONTACTS_PROJECTION;
    }

    @Override
    protected Set<EventType<? extends Record>> eventTypes() {
        return Set.of(ContactEvents.CONTACT_CREATED, ContactEvents.CONTACT_UPDATED, ContactEvents.CONTACT_DELETED,
                ContactEvents.CONTACT_ERASED, ContactEvents.CONTACT_IMPORT_COMPLETED);
    }

    @Override
    protected void handle(DomainEvent<Record> event) {
        Projection projection = applicationContext.getBean(Projection.class);
        String ws = event.workspaceId();
        Record payload = event.payload();
        if (payload instanceof ContactCreated created) {
            projection.apply(ws, created.state(), event.occurredAt());
        } else if (payload instanceof ContactUpdated updated) {
            projection.apply(ws, updated.state(), event.occurredAt());
        } else if (payload instanceof ContactDeleted deleted) {
            projection.delete(ws, deleted.contactId(), deleted.version());
        } else if (payload instanceof ContactErased erased) {
            projection.erase(ws, erased.contactId(), erased.version());
        } else if (payload instanceof ContactImportCompleted completed) {
            // An import that filled a list: its members reach the query model (decision 0041).
            if (completed.listId() != null) {
                applicationContext.getBean(ImportedLists.class).copy(ws, completed.listId());
            }
        } else {
            throw new IllegalArgumentException("not a contact change: " + event.type().detailType());
        }
    }
}

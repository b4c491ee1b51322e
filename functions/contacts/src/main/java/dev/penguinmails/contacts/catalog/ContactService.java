package dev.penguinmails.contacts.catalog;

import dev.penguinmails.contacts.fields.FieldStore;
import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.contacts.model.ContactFields;
import dev.penguinmails.contacts.model.ContactInput;
import dev.penguinmails.contacts.model.ContactStatus;
import dev.penguinmails.contacts.plans.ContactLimit;
import dev.penguinmails.contacts.settings.ContactSettings;
import dev.penguinmails.contacts.suppression.SuppressionService;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactCreated;
import dev.penguinmails.events.contacts.ContactDeleted;
import dev.penguinmails.events.contacts.ContactErased;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.ContactUnsubscribed;
import dev.penguinmails.events.contacts.ContactUpdated;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Creating, reading, changing and deleting a workspace's contacts. Input is normalised and checked before anything
 * is written; an address belongs to one contact per workspace (its claim is written before the contact, decision
 * 0033); every change carries its event in the contact item's outbox.
 */
@Singleton
public class ContactService {
    public static final String ID_PREFIX = "con";

    private final ContactStore store;
    private final FieldStore fields;
    private final Outbox outbox;
    private final ContactSettings settings;
    private final SuppressionService suppressions;
    private final ContactLimit limit;

    ContactService(ContactStore store, FieldStore fields, Outbox outbox, ContactSettings settings,
                   SuppressionService suppressions, ContactLimit limit) {
        this.store = store;
        this.fields = fields;
        this.outbox = outbox;
        this.settings = settings;
        this.suppressions = suppressions;
        this.limit = limit;
    }

    /**
     * A new contact; 409 {@code contact-exists} naming the contact that has the address already, 409
     * {@code contact-erased} if the person was erased from the workspace (until that suppression entry is removed),
     * 409 {@code plan-limit} when the workspace holds as many contacts as its plan allows (decision 0061).
     */
    public Contact create(TenantContext tenant, ContactInput input) {
        Contact contact = ContactFields.create(tenant.workspaceId(), Ids.newId(ID_PREFIX), input, fields.all(tenant),
                settings, now());
        if (suppressions.erased(tenant, contact.email())) {
            throw ContactProblems.erased();
        }
        store.claim(tenant, contact.email(), contact.id()).ifPresent(existing -> {
            throw ContactProblems.exists(tenant.workspaceId(), existing);
        });
        try {
            limit.takeOne(tenant);
        } catch (RuntimeException refused) {
            store.release(tenant, contact.email(), contact.id());
            throw refused;
        }
        OutboxEntry owed = outbox.entry().event(DomainEvent.create(ContactEvents.CONTACT_CREATED, tenant.workspaceId(),
                new ContactCreated(contact.id(), state(contact)))).build();
        if (!store.create(tenant, contact, owed)) {
            limit.giveBack(tenant, 1);
            store.release(tenant, contact.email(), contact.id());
            throw new IllegalStateException("a new contact id was taken: " + contact.id());
        }
        return contact;
    }

    public Contact get(TenantContext tenant, String id) {
        if (!Ids.isValid(id, ID_PREFIX)) {
            throw ContactProblems.notFound();
        }
        return store.get(tenant, id).orElseThrow(ContactProblems::notFound);
    }

    public Page<Contact> list(TenantContext tenant, PageRequest page) {
        return store.list(tenant, page);
    }

    /**
     * Applies {@code change}; a change that changes nothing writes nothing. A new address is claimed first and the
     * old one released after the write, so the contact holds one of them at every moment.
     */
    public Contact update(TenantContext tenant, String id, ContactInput change) {
        Contact current = get(tenant, id);
        Contact next = ContactFields.update(current, change, fields.all(tenant), settings, now());
        if (sameContent(current, next)) {
            return current;
        }
        boolean newAddress = !next.emailKey().equals(current.emailKey());
        if (newAddress) {
            store.claim(tenant, next.email(), next.id()).ifPresent(existing -> {
                throw ContactProblems.exists(tenant.workspaceId(), existing);
            });
        }
        Outbox.Builder owed = outbox.entry().event(DomainEvent.create(ContactEvents.CONTACT_UPDATED,
                tenant.workspaceId(), new ContactUpdated(state(next))));
        if (next.status() == ContactStatus.UNSUBSCRIBED && current.status() != ContactStatus.UNSUBSCRIBED) {
            owed.event(DomainEvent.create(ContactEvents.CONTACT_UNSUBSCRIBED, tenant.workspaceId(),
                    new ContactUnsubscribed(next.id(), EmailHashes.of(tenant.workspaceId(), next.email()), next.version())));
        }
        if (!store.replace(tenant, current, next, owed.build())) {
            if (newAddress) {
                store.release(tenant, next.email(), next.id());
            }
            throw ContactProblems.changedMeanwhile();
        }
        if (newAddress) {
            store.release(tenant, current.email(), current.id());
        }
        return next;
    }

    /** Deletes the contact (a tombstone owes {@code contact.deleted}) and frees its address and its place in the plan. */
    public void delete(TenantContext tenant, String id) {
        Contact current = get(tenant, id);
        OutboxEntry owed = outbox.entry().event(DomainEvent.create(ContactEvents.CONTACT_DELETED, tenant.workspaceId(),
                new ContactDeleted(current.id(), current.version() + 1))).build();
        if (!store.delete(tenant, current, owed)) {
            throw ContactProblems.changedMeanwhile();
        }
        limit.giveBack(tenant, 1);
        store.release(tenant, current.email(), current.id());
    }

    /**
     * Erases the contact on request (GDPR/CCPA): first its suppression entry is left holding only the address's
     * hash (so nothing can bring the person back), then the contact becomes a tombstone without personal fields
     * owing {@code contact.deleted} and {@code contact.erased}, then its address claim goes. Each step can be
     * repeated, so a failed erasure is finished by asking again.
     */
    public void erase(TenantContext tenant, String id) {
        Contact current = get(tenant, id);
        suppressions.keepOnlyHash(tenant, current.email());
        long version = current.version() + 1;
        OutboxEntry owed = outbox.entry()
                .event(DomainEvent.create(ContactEvents.CONTACT_DELETED, tenant.workspaceId(),
                        new ContactDeleted(current.id(), version)))
                .event(DomainEvent.create(ContactEvents.CONTACT_ERASED, tenant.workspaceId(),
                        new ContactErased(current.id(), EmailHashes.of(tenant.workspaceId(), current.email()), version)))
                .build();
        if (!store.delete(tenant, current, owed)) {
            throw ContactProblems.changedMeanwhile();
        }
        limit.giveBack(tenant, 1);
        store.release(tenant, current.email(), current.id());
    }

    /** The contact as its events carry it. */
    static ContactState state(Contact c) {
        return new ContactState(c.id(), c.email(), EmailHashes.of(c.workspaceId(), c.email()), c.firstName(),
                c.lastName(), c.company(), c.title(), c.phone(), c.timezone(), c.tags(),
                c.customFields().entrySet().stream().map(e -> new ContactState.CustomField(e.getKey(),
                        e.getValue().type().wire(), e.getValue().value())).toList(),
                c.source(), c.status().wire(), c.version());
    }

    private static boolean sameContent(Contact a, Contact b) {
        return a.email().equals(b.email()) && java.util.Objects.equals(a.firstName(), b.firstName())
                && java.util.Objects.equals(a.lastName(), b.lastName()) && java.util.Objects.equals(a.company(), b.company())
                && java.util.Objects.equals(a.title(), b.title()) && java.util.Objects.equals(a.phone(), b.phone())
                && java.util.Objects.equals(a.timezone(), b.timezone()) && a.tags().equals(b.tags())
                && a.customFields().equals(b.customFields()) && a.status() == b.status();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

package dev.penguinmails.contacts.query.projection;

import dev.penguinmails.contacts.query.ContactRow;
import dev.penguinmails.contacts.query.ContactRows;
import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.events.contacts.ContactState;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies contact events to the query model by version. Events carry the whole state, so each one replaces the
 * row if newer and is ignored otherwise; applying one twice changes nothing (the relay may publish twice).
 */
@Singleton
public class Projection {
    private final QueryModel model;
    private final ContactRows rows;

    Projection(QueryModel model, ContactRows rows) {
        this.model = model;
        this.rows = rows;
    }

    /** {@code contact.created} or {@code contact.updated}, which happened at {@code occurredAt}. */
    public boolean apply(String workspaceId, ContactState state, Instant occurredAt) {
        ContactRow row = row(state, occurredAt);
        return model.inWorkspace(workspaceId, c -> rows.upsert(c, row));
    }

    /** {@code contact.deleted}: a tombstone at its version. */
    public boolean delete(String workspaceId, String contactId, long version) {
        return model.inWorkspace(workspaceId, c -> rows.tombstone(c, contactId, version));
    }

    /** {@code contact.erased}: a tombstone, and nothing else about the person (list memberships go too). */
    public void erase(String workspaceId, String contactId, long version) {
        model.inWorkspace(workspaceId, c -> {
            rows.tombstone(c, contactId, version);
            rows.forgetMemberships(c, contactId);
            return null;
        });
    }

    /** The row an event's state stands for; the event's time stands for the change's (events carry no times). */
    static ContactRow row(ContactState s, Instant occurredAt) {
        Map<String, Object> custom = new LinkedHashMap<>();
        if (s.customFields() != null) {
            s.customFields().forEach(f -> custom.put(f.name(), ContactRow.typed(f.type(), f.value())));
        }
        return new ContactRow(s.contactId(), s.version(), s.email(), s.firstName(), s.lastName(), s.company(),
                s.title(), s.phone(), s.timezone(), s.tags(), custom, s.source(), s.status(), occurredAt, occurredAt);
    }
}

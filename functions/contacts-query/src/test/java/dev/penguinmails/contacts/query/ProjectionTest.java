package dev.penguinmails.contacts.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactErased;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactState;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Contact events through the bus, the contacts-projection queue and the real projector, into Postgres. */
@MicronautTest(transactional = false)
@Tag("integration")
class ProjectionTest extends QueryApiTest {

    @Test
    void aCreatedContactIsProjectedWithItsTagsAndTypedCustomFields() {
        String ws = workspace();
        ContactState ana = state("ana@acme.com", List.of("lead", "q4"),
                Map.of("seats", new String[] {"number", "12.5"}, "vip", new String[] {"boolean", "true"},
                        "renews", new String[] {"date", "2027-01-31"}));
        save(ws, ana);
        project();

        Map<String, Object> row = row(ws, ana.contactId());
        assertThat(row).containsEntry("version", 1L).containsEntry("deleted", false).containsEntry("email", "ana@acme.com")
                .containsEntry("tags", "lead,q4");
        // Numbers and booleans stay JSON numbers and booleans, so they compare by type.
        assertThat((String) row.get("custom")).contains("\"seats\": 12.5").contains("\"vip\": true")
                .contains("\"renews\": \"2027-01-31\"");
    }

    @Test
    void anOlderOrRepeatedEventNeverOverwritesANewerRow() {
        String ws = workspace();
        ContactState v1 = state("bo@acme.com", List.of("a"), Map.of());
        save(ws, v1);
        ContactState v3 = withVersion(v1, 3, "active", List.of("c"));
        save(ws, v3);
        project();
        // Version 2 arrives late, and version 3 twice.
        save(ws, withVersion(v1, 2, "unsubscribed", List.of("b")));
        save(ws, v3);
        project();

        assertThat(row(ws, v1.contactId())).containsEntry("version", 3L).containsEntry("tags", "c")
                .containsEntry("status", "active");
    }

    @Test
    void aDeletionLeavesATombstoneThatALateUpdateCannotResurrect() {
        String ws = workspace();
        ContactState v1 = state("cy@acme.com", List.of(), Map.of());
        save(ws, v1);
        project();
        delete(ws, v1, 3);
        project();
        publish(DomainEvent.create(ContactEvents.CONTACT_UPDATED, ws,
                new dev.penguinmails.events.contacts.ContactUpdated(withVersion(v1, 2, "active", List.of("late")))));
        project();

        Map<String, Object> row = row(ws, v1.contactId());
        assertThat(row).containsEntry("deleted", true).containsEntry("version", 3L).containsEntry("email", null)
                .containsEntry("tags", "");
    }

    @Test
    void anErasureDropsTheContactsListMemberships() {
        String ws = workspace();
        ContactState dee = state("dee@acme.com", List.of(), Map.of());
        save(ws, dee);
        project();
        context.getBean(QueryModel.class).inWorkspace(ws, c -> {
            try (var s = c.prepareStatement("INSERT INTO list_members VALUES (?, 'lst_1', ?, now())")) {
                s.setString(1, ws);
                s.setString(2, dee.contactId());
                return s.executeUpdate();
            }
        });
        publish(DomainEvent.create(ContactEvents.CONTACT_ERASED, ws, new ContactErased(dee.contactId(), "0".repeat(64), 2)));
        project();

        assertThat(row(ws, dee.contactId())).containsEntry("deleted", true).containsEntry("email", null);
        assertThat(count(ws, "SELECT count(*) FROM list_members")).isZero();
    }

    @Test
    void aWorkspaceSeesAndWritesOnlyItsOwnRowsWhateverItsSqlSays() {
        String a = workspace();
        String b = workspace();
        save(a, state("one@a.com", List.of("x"), Map.of()));
        save(a, state("two@a.com", List.of("x"), Map.of()));
        save(b, state("one@b.com", List.of("x"), Map.of()));
        project();

        // No WHERE on workspace_id: row-level security is what scopes these.
        assertThat(count(a, "SELECT count(*) FROM contacts")).isEqualTo(2);
        assertThat(count(b, "SELECT count(*) FROM contacts")).isEqualTo(1);
        assertThat(count(a, "SELECT count(*) FROM contacts WHERE workspace_id = '" + b + "'")).isZero();
        assertThat(count(a, "UPDATE contacts SET status = 'x' WHERE workspace_id = '" + b + "'")).isZero();
        assertThatThrownBy(() -> count(a, "INSERT INTO contacts (workspace_id, contact_id, version) VALUES ('" + b
                + "', 'con_forged', 1)")).hasMessageContaining("row-level security");
        assertThat(count(b, "SELECT count(*) FROM contacts WHERE status = 'x'")).isZero();
    }

    private long count(String workspaceId, String sql) {
        return context.getBean(QueryModel.class).inWorkspace(workspaceId, c -> {
            try (var s = c.createStatement()) {
                if (!s.execute(sql)) {
                    return (long) s.getUpdateCount();
                }
                try (var r = s.getResultSet()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }
}

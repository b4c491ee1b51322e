package dev.penguinmails.contacts.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.penguinmails.contacts.query.reconcile.Reconciliation;
import dev.penguinmails.contacts.query.reconcile.ReconciliationJob;
import dev.penguinmails.events.contacts.ContactState;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The hourly job finds contacts the query model lacks, holds stale, or holds after they went, and repairs them. */
@MicronautTest(transactional = false)
@Tag("integration")
class ReconciliationTest extends QueryApiTest {

    @Test
    void driftIsFoundCountedAndRepaired() {
        String ws = workspace();
        ContactState kept = state("kept@acme.com", List.of("a"), Map.of());
        ContactState lost = state("lost@acme.com", List.of("a"), Map.of("seats", new String[] {"number", "7"}));
        ContactState stale = state("stale@acme.com", List.of("a"), Map.of());
        ContactState gone = state("gone@acme.com", List.of("a"), Map.of());
        List.of(kept, stale, gone).forEach(c -> save(ws, c));
        project();
        // Drift: an event lost (only the table has it), an update lost, a deletion lost, a row nobody recorded.
        record(ws, lost);
        record(ws, withVersion(stale, 2, "unsubscribed", List.of("b")));
        dynamo().deleteItem(r -> r.tableName(table()).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("WS#" + ws + "#CONTACTS"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(gone.contactId()))));
        context.getBean(QueryModel.class).inWorkspace(ws, c -> context.getBean(ContactRows.class).upsert(c,
                new ContactRow("con_phantom", 1, "phantom@acme.com", null, null, null, null, null, null, List.of(), Map.of(),
                        "manual", "active", null, null)));

        Reconciliation.Summary first = new ReconciliationJob(context).execute(new ScheduledEvent());

        assertThat(first.checked()).isGreaterThanOrEqualTo(3);
        assertThat(context.getBean(Reconciliation.class).workspace(ws)).isEqualTo(new Reconciliation.Summary(1, 3, 0, 0, 0, 0, null));
        assertThat(row(ws, lost.contactId())).containsEntry("version", 1L).containsEntry("deleted", false);
        assertThat((String) row(ws, lost.contactId()).get("custom")).contains("\"seats\": 7");
        assertThat(row(ws, stale.contactId())).containsEntry("version", 2L).containsEntry("status", "unsubscribed")
                .containsEntry("tags", "b");
        assertThat(row(ws, gone.contactId())).containsEntry("deleted", true);
        assertThat(row(ws, "con_phantom")).containsEntry("deleted", true);
        assertThat(row(ws, kept.contactId())).containsEntry("version", 1L).containsEntry("deleted", false);
    }

    @Test
    void aWorkspaceInStepNeedsNoRepair() {
        String ws = workspace();
        save(ws, state("a@acme.com", List.of(), Map.of()));
        save(ws, state("b@acme.com", List.of(), Map.of()));
        project();

        assertThat(context.getBean(Reconciliation.class).workspace(ws)).isEqualTo(new Reconciliation.Summary(1, 2, 0, 0, 0, 0, null));
    }
}

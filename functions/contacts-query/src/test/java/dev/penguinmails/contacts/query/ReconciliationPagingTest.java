package dev.penguinmails.contacts.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.penguinmails.contacts.query.reconcile.Reconciliation;
import dev.penguinmails.contacts.query.reconcile.ReconciliationJob;
import dev.penguinmails.events.contacts.ContactState;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reconciliation at scale, in miniature: pages of two contacts and no budget, so every run compares one page and
 * stops; the next run resumes after the last contact compared. A workspace the query model has never heard of is
 * found through the contacts function's counter registry, not by scanning the table.
 */
@MicronautTest(transactional = false)
@Tag("integration")
class ReconciliationPagingTest extends QueryApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("penguinmails.contacts.reconcile.page-size", "2");
        properties.put("penguinmails.contacts.reconcile.budget", "0s");
        return properties;
    }

    @Test
    void eachRunComparesAPageAndTheNextResumesWhereItStoppedUntilEveryWorkspaceIsRepaired() {
        List<String> both = Stream.of(workspace(), workspace()).sorted().toList();
        String unknown = both.get(0);
        String known = both.get(1);
        // Seven contacts whose events were all lost: only the table and the counter registry know the workspace.
        List<ContactState> lost = IntStream.range(0, 7).mapToObj(i -> state("p" + i + "@acme.com", List.of(), Map.of()))
                .toList();
        lost.forEach(c -> record(unknown, c));
        register(unknown, lost.size());
        // The next workspace is in step but for a row nobody recorded.
        ContactState kept = state("kept@acme.com", List.of(), Map.of());
        save(known, kept);
        project();
        context.getBean(QueryModel.class).inWorkspace(known, c -> context.getBean(ContactRows.class).upsert(c,
                new ContactRow("con_zzphantom", 1, "phantom@acme.com", null, null, null, null, null, null, List.of(),
                        Map.of(), "manual", "active", null, null)));

        List<Reconciliation.Summary> runs = new ArrayList<>();
        for (int i = 0; i < 20 && (runs.isEmpty() || runs.get(runs.size() - 1).resumeAt() != null); i++) {
            runs.add(new ReconciliationJob(context).execute(new ScheduledEvent()));
        }

        assertThat(runs).as("pages of 2, 2 and 2 stop in the unknown workspace; the last run ends both")
                .extracting(Reconciliation.Summary::resumeAt).containsExactly(unknown, unknown, unknown, null);
        assertThat(runs.subList(0, 3)).allSatisfy(run -> {
            assertThat(run.checked()).as("one page a run").isEqualTo(2);
            assertThat(run.missing()).isEqualTo(2);
        });
        assertThat(runs.get(3)).isEqualTo(new Reconciliation.Summary(2, 2, 1, 0, 1, 0, null));
        lost.forEach(c -> assertThat(row(unknown, c.contactId())).containsEntry("version", 1L).containsEntry("deleted", false));
        assertThat(row(known, "con_zzphantom")).containsEntry("deleted", true);
        assertThat(row(known, kept.contactId())).containsEntry("deleted", false);

        // Finished, the next run starts again from the first workspace's first page.
        assertThat(new ReconciliationJob(context).execute(new ScheduledEvent()))
                .isEqualTo(new Reconciliation.Summary(1, 2, 0, 0, 0, 0, unknown));
    }

    // The counter item as the contacts function starts it, listed in gsi1 under the registry key.
    private void register(String workspaceId, int inUse) {
        dynamo().putItem(r -> r.tableName(table()).item(Map.of(
                "pk", AttributeValue.fromS("WS#" + workspaceId + "#CONTACT-COUNT"), "sk", AttributeValue.fromS("COUNT"),
                "inUse", AttributeValue.fromN(Integer.toString(inUse)),
                "changedAt", AttributeValue.fromS(Instant.now().toString()),
                "gsi1pk", AttributeValue.fromS("CONTACT-COUNTS"), "gsi1sk", AttributeValue.fromS(workspaceId))));
    }
}

package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.plans.ContactCount;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Imports within the workspace's plan (5 contacts here, by configuration): rows past the places free are not created
 * and say why in the error report, the import completes, updates of existing contacts still go in, a deleted contact
 * frees its place, and another workspace's places are its own.
 */
@MicronautTest
@Tag("integration")
class ImportPlanLimitTest extends ImportTestBase {
    private static final String REASON = "plan contact limit reached";

    @Override
    protected Map<String, String> extraProperties() {
        return killable(Map.of("penguinmails.contacts.plan-limits.default-contacts", "5",
                "penguinmails.contacts.imports.batch-size", "3"));
    }

    @Test
    void aBatchKilledAfterTakingItsPlacesTakesThemOnceWhenPlannedAgain() throws InterruptedException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        AtomicInteger kills = new AtomicInteger();
        context.getBean(ImportWorker.class).interruptWith(new ImportWorker.Interruption() {
            @Override
            public void afterWrite(String importId, long through) { }

            @Override
            public void afterPlan(String importId, long through) {
                if (kills.getAndIncrement() == 0) {
                    throw new IllegalStateException("killed after planning rows up to " + through);
                }
            }
        });
        byte[] file = csv("Crash");
        var started = start(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":" + file.length + "}");
        String id = started.json().path("contactImport").path("id").asText();
        upload(started.json().path("upload"), file);
        drain();
        assertThat(lastFailures).as("the first batch's slice was killed").isEqualTo(1);

        redeliverUntilCompleted(owner, ws, id, 3);

        JsonNode done = poll(owner, ws, id);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("created").asLong()).as("the replayed batch did not take its places twice").isEqualTo(5);
        assertThat(allContacts(owner, ws)).hasSize(5);
        ContactCount.State count = context.getBean(ContactCount.class).read(TenantContext.system(ws, "test")).orElseThrow();
        assertThat(count.inUse()).isEqualTo(5);
        assertThat(count.batches()).as("every batch's note is gone once its contacts are written").isEmpty();
    }

    @Test
    void rowsPastThePlanAreSkippedWithTheirReasonAndTheImportCompletes() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);

        JsonNode done = importFile(owner, ws, "csv", csv("First"), "\"dedupe\":\"update\"");

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(9);
        assertThat(done.path("created").asLong()).isEqualTo(5);
        assertThat(done.path("skipped").asLong()).as("the three rows past the plan").isEqualTo(3);
        assertThat(done.path("failed").asLong()).as("the bad address").isEqualTo(1);
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(allContacts(owner, ws)).extracting(c -> c.path("email").asText())
                .containsExactly("p1@example.io", "p2@example.io", "p3@example.io", "p4@example.io", "p5@example.io");
        assertThat(published("contact.created", ws)).hasSize(5);
        String report = report(owner, ws, done.path("id").asText());
        assertThat(report).contains("5,email,");
        for (int row : List.of(8, 9, 10)) {
            assertThat(report).contains(row + ",email," + REASON);
        }

        // Again: the five existing contacts take the change (overwrite), the three others are still refused.
        JsonNode overwrite = importFile(owner, ws, "csv", csv("Third"), "\"dedupe\":\"overwrite\"");
        assertThat(overwrite.path("state").asText()).isEqualTo("completed");
        assertThat(overwrite.path("created").asLong()).isZero();
        assertThat(overwrite.path("updated").asLong()).isEqualTo(5);
        assertThat(overwrite.path("skipped").asLong()).isEqualTo(3);
        assertThat(allContacts(owner, ws)).extracting(c -> c.path("firstName").asText()).containsOnly("Third");

        // A deleted contact frees one place: the next import creates exactly one more.
        String first = allContacts(owner, ws).get(0).path("id").asText();
        assertThat(http.delete(contacts(ws) + "/" + first, owner.headers()).status()).isEqualTo(204);
        JsonNode afterDelete = importFile(owner, ws, "csv", csv("Fourth"), "\"dedupe\":\"skip\"");
        assertThat(afterDelete.path("created").asLong()).as("p1 again, the first of the new rows").isEqualTo(1);
        assertThat(afterDelete.path("skipped").asLong()).as("four existing, three past the plan").isEqualTo(7);
        assertThat(allContacts(owner, ws)).hasSize(5);
    }

    @Test
    void anotherWorkspacesCountDoesNotTouchThisOne() {
        String full = workspace();
        String other = workspace();
        importFile(Caller.owner(full), full, "csv", csv("Full"), "");

        JsonNode done = importFile(Caller.owner(other), other, "csv", csv("Other"), "");

        assertThat(done.path("created").asLong()).isEqualTo(5);
        assertThat(allContacts(Caller.owner(other), other)).hasSize(5);
        assertThat(allContacts(Caller.owner(full), full)).hasSize(5);
    }

    /** Nine rows: eight good addresses and, on line 5, a bad one. */
    private static byte[] csv(String firstName) {
        StringBuilder csv = new StringBuilder("email,firstName\n");
        for (int i = 1; i <= 9; i++) {
            csv.append(i == 4 ? "not-an-address" : "p" + (i > 4 ? i - 1 : i) + "@example.io").append(',')
                    .append(firstName).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}

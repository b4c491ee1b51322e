package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A worker killed mid-file resumes from its checkpoint with no duplicate and no gap: here it dies after writing a
 * batch and before committing it (the worst moment), and slices are as short as can be (one batch of ten rows each,
 * then the next slice is queued), so the import crosses many slices.
 */
@MicronautTest
@Tag("integration")
class ImportResumeTest extends ImportTestBase {
    static final int ROWS = 200;

    @Override
    protected Map<String, String> extraProperties() {
        return killable(Map.of("penguinmails.contacts.imports.batch-size", "10"));
    }

    @Test
    void anImportKilledBetweenWriteAndCheckpointResumesExactly() throws InterruptedException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        AtomicInteger kills = new AtomicInteger();
        Set<Long> killAt = new HashSet<>(List.of(50L, 120L));
        context.getBean(ImportWorker.class).interruptWith((id, through) -> {
            if (killAt.remove(through)) {
                kills.incrementAndGet();
                throw new IllegalStateException("killed after writing rows up to " + through);
            }
        });
        var started = start(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":" + csv().length + ",\"dedupe\":\"skip\"}");
        String id = started.json().path("contactImport").path("id").asText();
        upload(started.json().path("upload"), csv());

        int slices = drain();
        JsonNode afterFirstKill = poll(owner, ws, id);
        assertThat(kills.get()).isEqualTo(1);
        assertThat(lastFailures).as("the killed slice's message failed").isEqualTo(1);
        assertThat(afterFirstKill.path("state").asText()).isEqualTo("running");
        assertThat(afterFirstKill.path("rowsRead").asLong()).as("the checkpoint before the killed batch").isEqualTo(40);

        slices += redeliverUntilCompleted(owner, ws, id, 2);
        assertThat(kills.get()).isEqualTo(2);

        JsonNode done = poll(owner, ws, id);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(slices).as("one slice per batch of ten rows, and more").isGreaterThanOrEqualTo(ROWS / 10);
        int failed = ROWS / 17;
        int skipped = ROWS / 23 + 1;
        assertThat(done.path("rowsRead").asLong()).isEqualTo(ROWS);
        assertThat(done.path("failed").asLong()).isEqualTo(failed);
        assertThat(done.path("skipped").asLong()).isEqualTo(skipped);
        assertThat(done.path("created").asLong()).isEqualTo(ROWS - failed - skipped);
        assertThat(done.path("updated").asLong()).isZero();

        List<String> emails = allContacts(owner, ws).stream().map(c -> c.path("email").asText()).toList();
        assertThat(emails).as("no duplicate").doesNotHaveDuplicates();
        assertThat(emails).as("no gap: every valid row's contact, in file order").containsExactlyElementsOf(expected());
        assertThat(published("contact.created", ws)).as("each contact announced once").hasSize(emails.size());
        assertThat(published("contact.import.completed", ws)).hasSize(1);

        String report = report(owner, ws, id);
        assertThat(report.lines().count() - 1).as("one line per failed or skipped row, none twice")
                .isEqualTo(failed + skipped);
    }

    @Test
    void aSuppressionImportKilledBetweenWriteAndCheckpointResumesExactly() throws InterruptedException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        Set<Long> killAt = new HashSet<>(List.of(30L, 70L));
        context.getBean(ImportWorker.class).interruptWith((id, through) -> {
            if (killAt.remove(through)) {
                throw new IllegalStateException("killed after writing rows up to " + through);
            }
        });
        StringBuilder csv = new StringBuilder("value,reason\n");
        for (int i = 1; i <= 100; i++) {
            csv.append(i % 10 == 0 ? "bad-" + i : i % 2 == 0 ? "d" + i + ".example" : "s" + i + "@example.com")
                    .append(",unsubscribed\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        var started = http.post("/v1/workspaces/" + ws + "/suppression-imports", "{\"format\":\"csv\",\"sizeBytes\":"
                + file.length + "}", owner.headers());
        String id = started.json().path("suppressionImport").path("id").asText();
        upload(started.json().path("upload"), file);
        drain();
        String path = "/v1/workspaces/" + ws + "/suppression-imports/" + id;
        for (int redelivery = 0; redelivery < 3
                && !http.get(path, owner.headers()).json().path("state").asText().equals("completed"); redelivery++) {
            Thread.sleep(2_100);
            context.getBean(SqsClient.class).sendMessage(r -> r.queueUrl(queueUrl())
                    .messageBody("{\"workspaceId\":\"" + ws + "\",\"importId\":\"" + id + "\"}"));
            drain();
        }
        assertThat(killAt).as("both kills happened").isEmpty();

        JsonNode done = http.get(path, owner.headers()).json();
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(100);
        assertThat(done.path("failed").asLong()).isEqualTo(10);
        assertThat(done.path("added").asLong()).as("counted once, though two batches were written twice").isEqualTo(90);
        assertThat(done.path("existing").asLong()).isZero();
        assertThat(published("suppression.added", ws)).as("each entry announced once").hasSize(90);
    }

    /** Row i: p&lt;i&gt;@example.com; every 17th an invalid address, every 23rd repeats row 1's. */
    private static byte[] csv() {
        StringBuilder csv = new StringBuilder("email,first name\n");
        for (int i = 1; i <= ROWS; i++) {
            // Row 48 repeats row 44 inside the batch killed after its write: the batch written again must still tell
            // its own first row (44) from the repeat (decision 0042).
            String email = i % 17 == 0 ? "bad-" + i : i % 23 == 0 ? "p1@example.com" : i == 48 ? "p44@example.com"
                    : "p" + i + "@example.com";
            csv.append(email).append(",Person ").append(i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> expected() {
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            if (i % 17 != 0 && i % 23 != 0 && i != 48) {
                emails.add("p" + i + "@example.com");
            }
        }
        return emails;
    }
}

package dev.penguinmails.contacts.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.query.Caller;
import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A large export in slices: parts of S3's least size, a slice budget so short that each part is its own slice
 * (queued by the one before), and a slice killed after uploading a part but before its checkpoint. The file still
 * holds every contact exactly once, in order.
 */
@MicronautTest(transactional = false)
@Tag("integration")
class ExportResumeTest extends ExportTestBase {
    private static final int CONTACTS = 40_000;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("penguinmails.contacts.exports.part-size", Integer.toString(ExportSettings.MIN_PART_SIZE));
        properties.put("penguinmails.contacts.exports.batch-size", "500");
        properties.put("penguinmails.contacts.exports.slice-budget", "1ms");
        return properties;
    }

    @Test
    void aSliceKilledBetweenUploadingAPartAndItsCheckpointIsContinuedWithoutADuplicateOrAGap() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        seed(ws);
        Reply created = http.post(exports(ws), "{}", owner.headers());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.text("id");
        assertThat(created.json().get("total").asLong()).isEqualTo(CONTACTS);

        ExportWorker worker = context.getBean(ExportWorker.class);
        AtomicBoolean killed = new AtomicBoolean();
        worker.interruptWith((exportId, part) -> {
            if (part == 2 && !killed.getAndSet(true)) {
                throw new IllegalStateException("killed after uploading part 2");
            }
        });
        try {
            assertThat(runExports()).as("the killed slice's message").isEqualTo(1);
            JsonNode halfway = http.get(exports(ws) + "/" + id, owner.headers()).json();
            assertThat(halfway.get("state").asText()).isEqualTo("running");
            long afterOnePart = halfway.get("rowsWritten").asLong();
            assertThat(afterOnePart).as("the first part's rows only").isBetween(1L, CONTACTS - 1L);
            assertThat(halfway.get("percent").asInt()).isBetween(1, 99);

            // The retried message (Lambda's redelivery after the visibility timeout).
            context.getBean(ExportQueue.class).send(ws, id);
            assertThat(runExports()).isZero();
        } finally {
            worker.interruptWith((exportId, part) -> { });
        }

        JsonNode done = http.get(exports(ws) + "/" + id, owner.headers()).json();
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("rowsWritten").asLong()).isEqualTo(CONTACTS);
        ContactExport export = context.getBean(ExportStore.class).get(ws, id).orElseThrow();
        assertThat(export.parts()).as("several parts, numbered in order").hasSizeGreaterThanOrEqualTo(3)
                .extracting(ContactExport.Part::number).isEqualTo(IntStream.rangeClosed(1, export.parts().size()).boxed().toList());

        List<List<String>> rows = download(done);
        assertThat(rows).hasSize(CONTACTS + 1);
        assertThat(column(rows, "id")).as("every contact once, in order")
                .isEqualTo(IntStream.rangeClosed(1, CONTACTS).mapToObj(ExportResumeTest::contactId).toList());
        assertThat(export.sizeBytes()).isGreaterThan(2L * ExportSettings.MIN_PART_SIZE);
    }

    @Test
    void aSliceFindingTheExportHeldByAnotherLeavesItAlone() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        Reply created = http.post(exports(ws), "{\"columns\":[\"email\"]}", owner.headers());
        String id = created.text("id");
        ExportStore store = context.getBean(ExportStore.class);
        java.time.Instant now = java.time.Instant.now();
        assertThat(store.claim(ws, id, "lease_other", now.plusSeconds(60), now)).isPresent();

        assertThat(context.getBean(ExportWorker.class).run(ws, id)).isEqualTo(ExportWorker.SliceEnd.HELD_ELSEWHERE);
        store.release(ws, id, "lease_other");
        assertThat(runExports()).isZero();
        assertThat(http.get(exports(ws) + "/" + id, owner.headers()).text("state")).isEqualTo("completed");
        assertThat(context.getBean(ExportWorker.class).run(ws, id)).isEqualTo(ExportWorker.SliceEnd.NOTHING_TO_DO);
    }

    private static String contactId(int i) {
        return "con_" + String.format("%026d", i);
    }

    /** Many contacts straight into the query model, each about 300 bytes of CSV. */
    private void seed(String ws) {
        context.getBean(QueryModel.class).inWorkspace(ws, c -> {
            try (var s = c.prepareStatement("INSERT INTO contacts (workspace_id, contact_id, version, email, email_domain, "
                    + "company, tags, source, status, created_at, updated_at) "
                    + "SELECT current_setting('penguinmails.workspace_id', true), 'con_' || lpad(i::text, 26, '0'), 1, "
                    + "'p' || i || '@bulk.example', 'bulk.example', repeat('x', 200), '{bulk}', 'import', 'active', now(), now() "
                    + "FROM generate_series(1, ?) i")) {
                s.setInt(1, CONTACTS);
                return s.executeUpdate();
            }
        });
    }
}

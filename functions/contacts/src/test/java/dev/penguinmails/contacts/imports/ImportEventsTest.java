package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.testsupport.FlakyEventBridge;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An import announces its new contacts in groups (decision 0051): {@code contact.created} goes out in PutEvents calls
 * of up to 10 entries. The contacts carry no outbox entry (decision 0080): when the bus refuses some, the batch is not
 * committed, and the slice that writes it again announces the whole batch again under the same event ids, so every
 * contact is announced and consumers drop the repeats.
 */
@MicronautTest
@Tag("integration")
class ImportEventsTest extends ImportTestBase {
    private static final FlakyEventBridge BUS = FlakyEventBridge.inFrontOf(TestAws.shared().endpoints().eventBridge());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Map<String, String> extraProperties() {
        return killable(Map.of(ConfigKeys.endpoint("eventbridge"), BUS.endpoint().toString(),
                "penguinmails.events.publish.max-attempts", "1"));
    }

    @Test
    void newContactsAreAnnouncedInGroupsAndABatchTheBusRefusedInPartIsAnnouncedAgainUnderTheSameIds()
            throws InterruptedException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        StringBuilder csv = new StringBuilder("email,first name\n");
        for (int i = 0; i < 25; i++) {
            csv.append("lead").append(i).append("@example.io,Lead ").append(i).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        BUS.inject((call, entry) -> entry.path("Detail").asText().contains("lead7@example.io")
                || entry.path("Detail").asText().contains("lead19@example.io") ? "InternalFailure" : null);
        String id;
        List<List<JsonNode>> calls;
        try {
            var started = start(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":" + file.length + "}");
            id = started.json().path("contactImport").path("id").asText();
            upload(started.json().path("upload"), file);
            drain();
            calls = List.copyOf(BUS.calls());
        } finally {
            BUS.inject((call, entry) -> null);
        }

        assertThat(lastFailures).as("the slice whose batch the bus refused in part failed").isEqualTo(1);
        assertThat(poll(owner, ws, id).path("state").asText()).isEqualTo("running");
        List<List<JsonNode>> createdCalls = calls.stream()
                .filter(c -> c.stream().anyMatch(e -> e.path("DetailType").asText().equals("contact.created"))).toList();
        assertThat(createdCalls).as("one batch of 25 contacts: three PutEvents calls, not 25")
                .extracting(List::size).containsExactlyInAnyOrder(10, 10, 5);
        List<String> firstIds = published("contact.created", ws).stream().map(e -> detail(e).path("eventId").asText())
                .toList();
        assertThat(firstIds).hasSize(23);
        assertThat(owing(ws)).as("the contacts carry no outbox entry").isEmpty();

        redeliverUntilCompleted(owner, ws, id, 2);

        JsonNode done = poll(owner, ws, id);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("created").asLong()).isEqualTo(25);
        List<PublishedEvent> created = published("contact.created", ws);
        assertThat(created).as("the 23 of the first try, then the whole batch again").hasSize(48);
        List<String> ids = created.stream().map(e -> detail(e).path("eventId").asText()).distinct().toList();
        assertThat(ids).as("one event id per contact, the same on both tries").hasSize(25).containsAll(firstIds);
        assertThat(created.stream().map(e -> detail(e).path("contactId").asText()).distinct()).hasSize(25);
        assertThat(created.stream().map(e -> detail(e).path("state").path("email").asText()).distinct()).hasSize(25);
        assertThat(owing(ws)).as("nothing is owed on any item").isEmpty();
    }

    @Test
    void aBatchAnnouncedBeforeItsSliceDiedIsNotAnnouncedAgain() throws InterruptedException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        byte[] file = "email\nonce1@example.io\nonce2@example.io\n".getBytes(StandardCharsets.UTF_8);
        AtomicInteger kills = new AtomicInteger();
        context.getBean(ImportWorker.class).interruptWith((importId, through) -> {
            if (kills.getAndIncrement() == 0) {
                throw new IllegalStateException("killed after announcing rows up to " + through);
            }
        });
        var started = start(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":" + file.length + "}");
        String id = started.json().path("contactImport").path("id").asText();
        upload(started.json().path("upload"), file);
        drain();
        assertThat(lastFailures).isEqualTo(1);

        redeliverUntilCompleted(owner, ws, id, 2);

        assertThat(poll(owner, ws, id).path("state").asText()).isEqualTo("completed");
        assertThat(kills.get()).as("the batch was written twice").isEqualTo(2);
        assertThat(published("contact.created", ws)).as("announced by the first slice only").hasSize(2);
    }

    private List<Map<String, AttributeValue>> owing(String ws) {
        return snapshot().stream().filter(i -> i.get("pk").s().startsWith("WS#" + ws + "#"))
                .filter(i -> i.containsKey("outboxIds")).toList();
    }

    private static JsonNode detail(PublishedEvent event) {
        try {
            return JSON.readTree(event.detail());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

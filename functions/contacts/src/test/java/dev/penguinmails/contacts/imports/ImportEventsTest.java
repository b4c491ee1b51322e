package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.outbox.FamilyEventRelayJob;
import dev.penguinmails.testsupport.FlakyEventBridge;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An import announces its new contacts in groups (decision 0051): {@code contact.created} goes out in PutEvents calls
 * of up to 10 entries, and the entries the bus refused stay marked on exactly their contacts until the relay
 * delivers them, each event once.
 */
@MicronautTest
@Tag("integration")
class ImportEventsTest extends ImportTestBase {
    private static final FlakyEventBridge BUS = FlakyEventBridge.inFrontOf(TestAws.shared().endpoints().eventBridge());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(ConfigKeys.endpoint("eventbridge"), BUS.endpoint().toString(),
                "penguinmails.events.publish.max-attempts", "1",
                "penguinmails.outbox.relay.min-age", "0s");
    }

    @Test
    void newContactsAreAnnouncedInGroupsAndWhatTheBusRefusedWaitsOnItsContactForTheRelay() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        StringBuilder csv = new StringBuilder("email,first name\n");
        for (int i = 0; i < 25; i++) {
            csv.append("lead").append(i).append("@example.io,Lead ").append(i).append('\n');
        }
        BUS.inject((call, entry) -> entry.path("Detail").asText().contains("lead7@example.io")
                || entry.path("Detail").asText().contains("lead19@example.io") ? "InternalFailure" : null);
        JsonNode done;
        List<List<JsonNode>> calls;
        try {
            done = importFile(owner, ws, "csv", csv.toString().getBytes(StandardCharsets.UTF_8), "");
            calls = List.copyOf(BUS.calls());
        } finally {
            BUS.inject((call, entry) -> null);
        }

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("created").asLong()).isEqualTo(25);
        List<List<JsonNode>> createdCalls = calls.stream()
                .filter(c -> c.stream().anyMatch(e -> e.path("DetailType").asText().equals("contact.created"))).toList();
        assertThat(createdCalls).as("one batch of 25 contacts: three PutEvents calls, not 25")
                .extracting(List::size).containsExactly(10, 10, 5);
        assertThat(published("contact.created", ws)).hasSize(23);
        assertThat(owing(ws)).as("exactly the refused entries wait on their contacts")
                .extracting(i -> i.get("email").s()).containsExactlyInAnyOrder("lead7@example.io", "lead19@example.io");

        assertThat(new FamilyEventRelayJob(context).execute(new ScheduledEvent()).delivered()).isGreaterThanOrEqualTo(2);

        List<PublishedEvent> created = published("contact.created", ws);
        assertThat(created).hasSize(25);
        assertThat(created.stream().map(e -> detail(e).path("eventId").asText()).distinct()).hasSize(25);
        assertThat(created.stream().map(e -> detail(e).path("contactId").asText()).distinct()).hasSize(25);
        assertThat(owing(ws)).as("nothing is owed any more").isEmpty();
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

package dev.penguinmails.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.events.outbox.FamilyEventRelayJob;
import dev.penguinmails.testsupport.FlakyEventBridge;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Contacts' events go through the outbox: while the bus refuses them, changes still commit and their events wait
 * on the changed items; the {@code relay-events} job then delivers each once, in the order they were owed.
 */
@MicronautTest
@Tag("integration")
class ReliableEventsTest extends ContactsApiTest {
    private static final FlakyEventBridge BUS = FlakyEventBridge.inFrontOf(TestAws.shared().endpoints().eventBridge());

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(ConfigKeys.endpoint("eventbridge"), BUS.endpoint().toString(),
                "penguinmails.events.publish.max-attempts", "1",
                "penguinmails.outbox.relay.min-age", "0s");
    }

    @Test
    void changesMadeWhileTheBusIsDownCommitAndTheRelayAnnouncesEachOnce() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String id;
        String suppression;
        BUS.inject((call, entry) -> "InternalFailure");
        try {
            Reply created = create(owner, ws, "{\"email\":\"ana@example.com\"}");
            assertThat(created.status()).as("a change commits without the bus").isEqualTo(201);
            id = created.json().get("id").asText();
            assertThat(http.patch(contacts(ws) + "/" + id, "{\"status\":\"unsubscribed\"}", owner.headers()).status())
                    .isEqualTo(200);
            Reply suppressed = http.post(suppressions(ws), "{\"domain\":\"acme.com\",\"reason\":\"manual\"}", owner.headers());
            assertThat(suppressed.status()).isEqualTo(201);
            suppression = suppressed.json().get("id").asText();
            assertThat(http.delete(suppressions(ws) + "/" + suppression, owner.headers()).status()).isEqualTo(204);
            assertThat(http.delete(contacts(ws) + "/" + id, owner.headers()).status()).isEqualTo(204);
            assertThat(published("contact.created", ws)).isEmpty();
        } finally {
            BUS.inject((call, entry) -> null);
        }

        assertThat(new FamilyEventRelayJob(context).execute(new ScheduledEvent()).delivered()).isPositive();
        new FamilyEventRelayJob(context).execute(new ScheduledEvent());

        for (String type : List.of("contact.created", "contact.updated", "contact.unsubscribed", "contact.deleted",
                "suppression.added", "suppression.removed")) {
            List<PublishedEvent> events = published(type, ws);
            assertThat(events).as(type).hasSize(1);
        }
        assertThat(published("contact.deleted", ws).get(0).detail()).contains(id).contains("\"version\":3");
        assertThat(published("suppression.removed", ws).get(0).detail()).contains(suppression);
        assertThat(snapshot().stream().filter(i -> i.get("pk").s().startsWith("WS#" + ws + "#")))
                .as("nothing is owed any more").allSatisfy(i -> assertThat(i).doesNotContainKey("outboxIds"));
    }
}

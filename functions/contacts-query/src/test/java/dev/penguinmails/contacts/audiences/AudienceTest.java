package dev.penguinmails.contacts.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.query.projection.Projection;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.sending.CampaignLaunched;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.shared.ids.Ids;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Resolution, chunking, redelivery, a crash between publishing and progress, and an empty audience (decision 0056). */
@MicronautTest(transactional = false)
@Tag("integration")
class AudienceTest extends AudienceTestBase {

    @Test
    void aListAndASegmentThatOverlapResolveEachActiveContactOfTheWorkspaceOnce() {
        String ws = workspace();
        String other = workspace();
        ContactState ana = named(state("ana@acme.io", List.of("lead"), Map.of("score", new String[] {"number", "12.5"},
                "since", new String[] {"date", "2026-12-05"}, "vip", new String[] {"boolean", "true"})), "Ana", "Europe/Berlin");
        ContactState bo = state("bo@acme.io", List.of(), Map.of());
        ContactState cy = state("cy@acme.io", List.of("lead"), Map.of());
        ContactState gone = withVersion(state("gone@acme.io", List.of("lead"), Map.of()), 2, "unsubscribed", List.of("lead"));
        ContactState bounced = withVersion(state("bounced@acme.io", List.of(), Map.of()), 2, "bounced", List.of());
        ContactState deleted = state("deleted@acme.io", List.of("lead"), Map.of());
        ContactState theirs = state("theirs@acme.io", List.of("lead"), Map.of());
        declare(ws, "score", "number");
        declare(ws, "since", "date");
        declare(ws, "vip", "boolean");
        List.of(ana, bo, cy, gone, bounced, deleted).forEach(c -> save(ws, c));
        save(other, theirs);
        project();
        String list = list(ws, List.of(ana, bo, bounced));
        delete(ws, deleted, 2);
        project();
        String leads = segment(ws, "lead");
        String campaignId = campaign();

        assertThat(launch(ws, campaignId, 3, List.of(list, Ids.newId("lst")), List.of(leads))).isZero();

        List<JsonNode> events = caught();
        assertThat(events).hasSize(1);
        JsonNode chunk = events.get(0).get("detail");
        assertThat(events.get(0).get("source").asText()).isEqualTo("penguinmails.contacts");
        assertThat(chunk.get("workspaceId").asText()).isEqualTo(ws);
        assertThat(chunk.get("campaignId").asText()).isEqualTo(campaignId);
        assertThat(chunk.get("campaignVersion").asLong()).isEqualTo(3);
        assertThat(List.of(chunk.get("chunk").asInt(), chunk.get("chunks").asInt(), chunk.get("audienceSize").asInt()))
                .containsExactly(0, 1, 3);
        assertThat(contactIds(events)).as("the list's and the segment's active contacts, each once, in id order")
                .containsExactlyElementsOf(List.of(ana, bo, cy).stream().map(ContactState::contactId).sorted().toList());
        JsonNode first = null;
        for (JsonNode c : chunk.get("contacts")) {
            if (c.get("contactId").asText().equals(ana.contactId())) {
                first = c;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.get("email").asText()).isEqualTo("ana@acme.io");
        assertThat(first.get("emailHash").asText()).isEqualTo(EmailHashes.of(ws, "ana@acme.io"));
        assertThat(first.get("firstName").asText()).isEqualTo("Ana");
        assertThat(first.get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(first.get("phone").asText()).isEqualTo("+4915112345678");
        assertThat(first.get("status").asText()).isEqualTo("active");
        assertThat(first.get("tags")).extracting(JsonNode::asText).containsExactly("lead");
        Map<String, String> custom = new HashMap<>();
        first.get("customFields").forEach(f -> custom.put(f.get("name").asText(), f.get("type").asText() + ":"
                + f.get("value").asText()));
        assertThat(custom).containsExactlyInAnyOrderEntriesOf(Map.of("score", "number:12.5", "since", "date:2026-12-05",
                "vip", "boolean:true"));
    }

    @Test
    void twoHundredFiftyContactsAreThreeChunksOfAtMostAHundredAndARedeliveryPublishesNothingNew() {
        String ws = workspace();
        Projection projection = context.getBean(Projection.class);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ContactState s = state("person" + i + "@acme.io", List.of("webinar"), Map.of());
            projection.apply(ws, s, Instant.now());
            expected.add(s.contactId());
        }
        String webinar = segment(ws, "webinar");
        String campaignId = campaign();
        DomainEvent<CampaignLaunched> launched = DomainEvent.create(SendingEvents.CAMPAIGN_LAUNCHED, ws,
                new CampaignLaunched(campaignId, 1, List.of(), List.of(webinar)));
        publish(launched);

        assertThat(deliver()).isZero();

        List<JsonNode> events = caught();
        assertThat(events).extracting(e -> e.get("detail").get("contacts").size()).containsExactly(100, 100, 50);
        assertThat(events).extracting(e -> e.get("detail").get("chunk").asInt()).containsExactly(0, 1, 2);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("detail").get("chunks").asInt()).isEqualTo(3);
            assertThat(e.get("detail").get("audienceSize").asInt()).isEqualTo(250);
        });
        assertThat(contactIds(events)).containsExactlyElementsOf(expected.stream().sorted().toList());

        // The same launch delivered again (the relay may publish twice), and a contact joining the segment meanwhile:
        // the audience was resolved once, so nothing new or different is published.
        projection.apply(ws, state("late@acme.io", List.of("webinar"), Map.of()), Instant.now());
        publish(launched);
        assertThat(deliver()).isZero();
        assertThat(caught()).isEmpty();

        // The published snapshot is pruned after its retention (7 days), one workspace at a time; the audience row
        // stays, so the launch delivered once more still resolves nothing.
        AudienceSnapshots snapshots = context.getBean(AudienceSnapshots.class);
        Instant later = Instant.now().plus(Duration.ofDays(8));
        assertThat(snapshots.prune(ws, Instant.now())).as("within the retention").isZero();
        assertThat(snapshots.prune(workspace(), later)).as("another workspace's pruning").isZero();
        assertThat(snapshots.prune(ws, later)).isEqualTo(250);
        assertThat(snapshots.prune(ws, later)).as("nothing left").isZero();
        publish(launched);
        assertThat(deliver()).isZero();
        assertThat(caught()).isEmpty();
    }

    @Test
    void aCrashBetweenPublishingAndTheProgressRepublishesTheSameChunksWithTheSameEventIds() {
        String ws = workspace();
        Projection projection = context.getBean(Projection.class);
        for (int i = 0; i < 120; i++) {
            projection.apply(ws, state("p" + i + "@acme.io", List.of("trial"), Map.of()), Instant.now());
        }
        String trial = segment(ws, "trial");
        AudienceWorker worker = context.getBean(AudienceWorker.class);
        worker.interruptWith((campaign, next) -> {
            throw new IllegalStateException("killed after publishing, before the progress moved");
        });
        String campaignId = campaign();
        try {
            assertThat(launch(ws, campaignId, 2, List.of(), List.of(trial))).as("the killed delivery").isEqualTo(1);
        } finally {
            worker.interruptWith((campaign, next) -> { });
        }
        List<JsonNode> first = caught();
        assertThat(first).as("the first chunk left before the crash").hasSize(1);

        // The redelivered launch continues where the progress stands: the first chunk again, under the same event id,
        // then the rest through a queued slice; no gap, and no contact in two chunks.
        publish(DomainEvent.create(SendingEvents.CAMPAIGN_LAUNCHED, ws, new CampaignLaunched(campaignId, 2, List.of(),
                List.of(trial))));
        assertThat(deliver()).isZero();
        List<JsonNode> again = caught();
        assertThat(again).extracting(e -> e.get("detail").get("chunk").asInt()).containsExactly(0, 1);
        assertThat(again.get(0).get("detail").get("eventId").asText()).isEqualTo(first.get(0).get("detail").get("eventId").asText());
        assertThat(again.get(0).get("detail").get("contacts")).isEqualTo(first.get(0).get("detail").get("contacts"));
        assertThat(contactIds(again)).hasSize(120).doesNotHaveDuplicates();
        assertThat(context.getBean(AudienceStore.class).get(ws, campaignId, 2).orElseThrow().finished()).isTrue();
    }

    @Test
    void anEmptyAudienceIsOneChunkWithoutContactsAndUnknownListsAndSegmentsAreSkipped() {
        String ws = workspace();
        String other = workspace();
        save(other, state("theirs@acme.io", List.of("lead"), Map.of()));
        project();
        String theirSegment = segment(other, "lead");
        String campaignId = campaign();

        assertThat(launch(ws, campaignId, 1, List.of(Ids.newId("lst")), List.of(theirSegment, Ids.newId("seg"))))
                .isZero();

        List<JsonNode> events = caught();
        assertThat(events).hasSize(1);
        JsonNode chunk = events.get(0).get("detail");
        assertThat(List.of(chunk.get("chunk").asInt(), chunk.get("chunks").asInt(), chunk.get("audienceSize").asInt()))
                .containsExactly(0, 1, 0);
        assertThat(chunk.get("contacts")).isEmpty();
    }
}

package dev.penguinmails.contacts.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.contacts.query.Caller;
import dev.penguinmails.contacts.query.QueryApiTest;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulk operations through the real handler: the target resolved into chunks on {@code contacts-bulk} (family contacts
 * applies them; here their counting is done as it does, through the same conditional update), list actions applied at
 * once, bad input refused with nothing started, and tenancy.
 */
@MicronautTest(transactional = false)
@Tag("integration")
class BulkApiTest extends QueryApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("penguinmails.contacts.bulk.chunk-size", "2");
        properties.put("penguinmails.contacts.bulk.max-selection", "5");
        return properties;
    }

    static String bulk(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/contact-bulk-operations";
    }

    /** Takes everything off the bulk queue: the chunks, as family contacts would receive them. */
    List<JsonNode> chunks() {
        List<JsonNode> chunks = new ArrayList<>();
        drain(PenguinMailsTopology.CONTACTS_BULK, event -> {
            event.getRecords().forEach(m -> {
                try {
                    chunks.add(JSON.readTree(m.getBody()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return new SQSBatchResponse(List.of());
        });
        chunks.sort((a, b) -> Integer.compare(a.get("chunk").asInt(), b.get("chunk").asInt()));
        return chunks;
    }

    @Test
    void aSelectionIsResolvedToTheWorkspacesLiveContactsAndQueuedInChunks() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        ContactState ana = state("ana@acme.io", List.of(), Map.of());
        ContactState bo = state("bo@acme.io", List.of(), Map.of());
        ContactState cy = state("cy@acme.io", List.of(), Map.of());
        ContactState theirs = state("theirs@acme.io", List.of(), Map.of());
        List.of(ana, bo, cy).forEach(c -> save(ws, c));
        save(other, theirs);
        project();

        Reply created = http.post(bulk(ws), "{\"action\":\"tag\",\"tags\":[\" VIP  Lead\",\"webinar\"],\"contactIds\":[\""
                + cy.contactId() + "\",\"" + ana.contactId() + "\",\"" + bo.contactId() + "\",\"" + theirs.contactId()
                + "\",\"" + Ids.newId("con") + "\"]}", owner.headers());

        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.text("status")).isEqualTo("queued");
        assertThat(created.json().get("matched").asLong()).as("another workspace's and unknown ids are not matched").isEqualTo(3);
        assertThat(created.json().get("target").asText()).isEqualTo("selection");
        List<JsonNode> chunks = chunks();
        assertThat(chunks).hasSize(2);
        List<String> ids = new ArrayList<>();
        chunks.forEach(c -> c.get("contactIds").forEach(id -> ids.add(id.asText())));
        assertThat(ids).containsExactlyElementsOf(List.of(ana, bo, cy).stream().map(ContactState::contactId).sorted().toList());
        assertThat(chunks.get(0).get("action").asText()).isEqualTo("tag");
        assertThat(chunks.get(0).get("workspaceId").asText()).isEqualTo(ws);
        assertThat(chunks.get(0).get("tags")).extracting(JsonNode::asText).containsExactly("vip lead", "webinar");

        // Family contacts counts each chunk as it applies it; a redelivered chunk counts once.
        BulkStore store = context.getBean(BulkStore.class);
        TenantContext tenant = TenantContext.system(ws, "test");
        String id = created.text("id");
        assertThat(store.count(tenant, id, 1, 2, 2, 0, 0, 0)).isTrue();
        Reply half = http.get(bulk(ws) + "/" + id, owner.headers());
        assertThat(half.text("status")).isEqualTo("running");
        assertThat(half.json().get("percent").asInt()).isEqualTo(66);
        assertThat(store.count(tenant, id, 1, 2, 2, 0, 0, 0)).as("chunk 1 again").isFalse();
        assertThat(store.count(tenant, id, 2, 1, 0, 0, 0, 1)).isTrue();
        Reply done = http.get(bulk(ws) + "/" + id, owner.headers());
        assertThat(done.text("status")).isEqualTo("completed");
        assertThat(done.json().get("percent").asInt()).isEqualTo(100);
        assertThat(List.of(done.json().get("processed").asLong(), done.json().get("changed").asLong(),
                done.json().get("missing").asLong())).containsExactly(3L, 2L, 1L);

        assertThat(http.get(bulk(ws), owner.headers()).json().get("items")).extracting(n -> n.get("id").asText()).containsExactly(id);
        // Tenancy: the other workspace sees neither the operation nor it in its list.
        Caller stranger = Caller.owner(other);
        assertThat(http.get(bulk(other) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(bulk(other), stranger.headers()).json().get("items")).isEmpty();
    }

    @Test
    void aSegmentIsFrozenAtTheStartAndDeleteGoesToFamilyContacts() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        ContactState ana = state("ana@acme.io", List.of("lead"), Map.of());
        ContactState bo = state("bo@acme.io", List.of("lead"), Map.of());
        ContactState cy = state("cy@acme.io", List.of("customer"), Map.of());
        List.of(ana, bo, cy).forEach(c -> save(ws, c));
        project();
        Reply segment = http.post(segments(ws), "{\"name\":\"Leads\",\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":"
                + "\"tags\",\"op\":\"has_any\",\"values\":[\"lead\"]}]}}", owner.headers());
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);

        Reply created = http.post(bulk(ws), "{\"action\":\"delete\",\"segmentId\":\"" + segment.text("id") + "\"}",
                owner.headers());

        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.json().get("matched").asLong()).isEqualTo(2);
        // A contact joining the segment afterwards is not part of the operation.
        save(ws, state("late@acme.io", List.of("lead"), Map.of()));
        project();
        List<JsonNode> chunks = chunks();
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).get("action").asText()).isEqualTo("delete");
        assertThat(chunks.get(0).get("contactIds")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(List.of(ana.contactId(), bo.contactId()).stream().sorted().toList());

        // An inline definition works as a segment does; one matching nothing completes at once.
        Reply none = http.post(bulk(ws), "{\"action\":\"untag\",\"tags\":[\"x\"],\"definition\":{\"match\":\"all\",\"rules\":"
                + "[{\"field\":\"tags\",\"op\":\"has_any\",\"values\":[\"nobody\"]}]}}", owner.headers());
        assertThat(none.status()).as(none.body()).isEqualTo(202);
        assertThat(none.text("status")).isEqualTo("completed");
        assertThat(none.json().get("percent").asInt()).isEqualTo(100);
        assertThat(chunks()).isEmpty();
    }

    @Test
    void listActionsChangeMembersOnceAndDeletedContactsLeaveTheList() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        ContactState ana = state("ana@acme.io", List.of("lead"), Map.of());
        ContactState bo = state("bo@acme.io", List.of("lead"), Map.of());
        ContactState cy = state("cy@acme.io", List.of("lead"), Map.of());
        List.of(ana, bo, cy).forEach(c -> save(ws, c));
        project();
        String list = http.post(lists(ws), "{\"name\":\"Leads\"}", owner.headers()).text("id");
        String byTag = "{\"match\":\"all\",\"rules\":[{\"field\":\"tags\",\"op\":\"has_any\",\"values\":[\"lead\"]}]}";

        Reply added = http.post(bulk(ws), "{\"action\":\"add_to_list\",\"listId\":\"" + list + "\",\"definition\":" + byTag + "}",
                owner.headers());
        assertThat(added.status()).as(added.body()).isEqualTo(202);
        assertThat(added.text("status")).isEqualTo("completed");
        assertThat(List.of(added.json().get("matched").asLong(), added.json().get("changed").asLong(),
                added.json().get("unchanged").asLong())).containsExactly(3L, 3L, 0L);
        assertThat(http.get(lists(ws) + "/" + list + "/members", owner.headers()).json().get("items")).hasSize(3);
        assertThat(chunks()).as("list actions are not family contacts' work").isEmpty();

        Reply again = http.post(bulk(ws), "{\"action\":\"add_to_list\",\"listId\":\"" + list + "\",\"contactIds\":[\""
                + ana.contactId() + "\"]}", owner.headers());
        assertThat(List.of(again.json().get("changed").asLong(), again.json().get("unchanged").asLong())).containsExactly(0L, 1L);

        Reply removed = http.post(bulk(ws), "{\"action\":\"remove_from_list\",\"listId\":\"" + list + "\",\"contactIds\":[\""
                + ana.contactId() + "\"]}", owner.headers());
        assertThat(removed.json().get("changed").asLong()).isEqualTo(1);
        String inList = "{\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":\"list\",\"op\":\"in_list\",\"value\":\""
                + list + "\"}]},\"sampleSize\":0}";
        assertThat(http.post(segments(ws) + "/preview", inList, owner.headers()).json().get("count").asLong()).isEqualTo(2);

        // A contact deleted (as a bulk delete does, through family contacts' events) leaves the segment and the list.
        delete(ws, bo, 2);
        project();
        assertThat(http.post(segments(ws) + "/preview", inList, owner.headers()).json().get("count").asLong()).isEqualTo(1);
        assertThat(http.post(segments(ws) + "/preview", "{\"definition\":" + byTag + ",\"sampleSize\":0}", owner.headers())
                .json().get("count").asLong()).isEqualTo(2);
        assertThat(http.get(lists(ws) + "/" + list + "/members", owner.headers()).json().get("items"))
                .extracting(n -> n.get("id").asText()).containsExactly(cy.contactId());
    }

    @Test
    void badRequestsAreProblemsAndStartNothing() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        ContactState ana = state("ana@acme.io", List.of(), Map.of());
        save(ws, ana);
        project();
        String theirList = http.post(lists(other), "{\"name\":\"Theirs\"}", Caller.owner(other).headers()).text("id");
        String theirSegment = http.post(segments(other), "{\"name\":\"Theirs\",\"definition\":{\"match\":\"all\",\"rules\":"
                + "[{\"field\":\"tags\",\"op\":\"has_any\",\"values\":[\"x\"]}]}}", Caller.owner(other).headers()).text("id");
        String sel = "\"contactIds\":[\"" + ana.contactId() + "\"]";
        String six = "\"contactIds\":[" + String.join(",", java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> "\"" + Ids.newId("con") + "\"").toList()) + "]";
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put("{" + sel + "}", 400);
        cases.put("{\"action\":\"paint\"," + sel + "}", 400);
        cases.put("{\"action\":\"tag\"," + sel + "}", 400);
        cases.put("{\"action\":\"tag\",\"tags\":[]," + sel + "}", 400);
        cases.put("{\"action\":\"tag\",\"tags\":[\"  \"]," + sel + "}", 400);
        cases.put("{\"action\":\"tag\",\"tags\":[\"no<html>\"]," + sel + "}", 400);
        cases.put("{\"action\":\"delete\",\"tags\":[\"x\"]," + sel + "}", 400);
        cases.put("{\"action\":\"add_to_list\"," + sel + "}", 400);
        cases.put("{\"action\":\"add_to_list\",\"listId\":\"lst_nope\"," + sel + "}", 404);
        cases.put("{\"action\":\"add_to_list\",\"listId\":\"" + theirList + "\"," + sel + "}", 404);
        cases.put("{\"action\":\"delete\"}", 400);
        cases.put("{\"action\":\"delete\",\"segmentId\":\"" + theirSegment + "\"," + sel + "}", 400);
        cases.put("{\"action\":\"delete\",\"contactIds\":[]}", 400);
        cases.put("{\"action\":\"delete\"," + six + "}", 400);
        cases.put("{\"action\":\"delete\",\"contactIds\":[\"nope\"]}", 400);
        cases.put("{\"action\":\"delete\",\"segmentId\":\"" + theirSegment + "\"}", 404);
        cases.put("{\"action\":\"delete\",\"segmentId\":\"seg_nope\"}", 404);
        cases.put("{\"action\":\"delete\",\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":\"tags\",\"op\":\"gt\","
                + "\"value\":\"x\"}]}}", 400);
        cases.put("{\"action\":\"delete\",\"definition\":{\"match\":\"all\",\"rules\":[{\"field\":\"custom.nope\",\"op\":\"eq\","
                + "\"value\":\"x\"}]}}", 400);
        cases.forEach((body, status) -> {
            Reply refused = http.post(bulk(ws), body, owner.headers());
            assertThat(refused.status()).as(body + " -> " + refused.body()).isEqualTo(status);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(body).contains("application/problem+json");
        });
        assertThat(http.get(bulk(ws), owner.headers()).json().get("items")).as("no operation").isEmpty();
        assertThat(chunks()).as("nothing queued").isEmpty();
    }

    @Test
    void readingNeedsContactsWrite() {
        String ws = workspace();
        Caller viewer = Caller.of(ws, dev.penguinmails.shared.auth.Role.VIEWER);
        assertThat(http.post(bulk(ws), "{\"action\":\"delete\",\"contactIds\":[\"" + Ids.newId("con") + "\"]}",
                viewer.headers()).status()).isEqualTo(403);
        assertThat(chunks()).isEmpty();
    }
}

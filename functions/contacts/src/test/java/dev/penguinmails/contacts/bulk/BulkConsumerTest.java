package dev.penguinmails.contacts.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.ContactsApiTest;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Chunks of bulk operations through the real {@code contacts-bulk} consumer: contacts change as PATCH and DELETE
 * change them (versions, events), progress is counted once per chunk, a redelivered chunk changes nothing twice, a
 * contact deleted meanwhile is counted as missing, and a chunk cannot reach another workspace's contacts.
 */
@MicronautTest
@Tag("integration")
class BulkConsumerTest extends ContactsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The operation's item as family contacts-query creates it (its BulkStore). */
    private void operation(String ws, String id, long matched) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("WS#" + ws + "#BULKOPS"));
        item.put("sk", AttributeValue.fromS(id));
        item.put("matched", AttributeValue.fromN(Long.toString(matched)));
        for (String counter : List.of("processed", "changed", "unchanged", "failed", "missing")) {
            item.put(counter, AttributeValue.fromN("0"));
        }
        item.put("updatedAt", AttributeValue.fromS(Instant.now().toString()));
        dynamo().putItem(r -> r.tableName(table()).item(item));
    }

    private Map<String, Long> counters(String ws, String id) {
        Map<String, AttributeValue> item = dynamo().getItem(r -> r.tableName(table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws + "#BULKOPS"), "sk", AttributeValue.fromS(id)))).item();
        Map<String, Long> counters = new HashMap<>();
        for (String counter : List.of("processed", "changed", "unchanged", "failed", "missing")) {
            counters.put(counter, Long.parseLong(item.get(counter).n()));
        }
        return counters;
    }

    private int deliver(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(Ids.newId("msg"));
            m.setBody(body);
            m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        SQSBatchResponse response = new BulkConsumer(context).execute(event);
        return response.getBatchItemFailures().size();
    }

    private static String chunk(String ws, String op, int n, String action, List<String> tags, List<String> ids) {
        try {
            return JSON.writeValueAsString(Map.of("workspaceId", ws, "operationId", op, "chunk", n, "action", action,
                    "tags", tags, "contactIds", ids));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String contact(Caller owner, String ws, String email, String tags) {
        Reply created = create(owner, ws, "{\"email\":\"" + email + "\",\"tags\":" + tags + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    @Test
    void tagAndUntagChangeContactsOnceAndCountEachChunkOnce() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String ana = contact(owner, ws, "ana@acme.io", "[\"lead\"]");
        String bo = contact(owner, ws, "bo@acme.io", "[]");
        String cy = contact(owner, ws, "cy@acme.io", "[\"vip\"]");
        String op = Ids.newId("blk");
        operation(ws, op, 3);

        String first = chunk(ws, op, 1, "tag", List.of("VIP"), List.of(ana, bo));
        assertThat(deliver(first, chunk(ws, op, 2, "tag", List.of("VIP"), List.of(cy)))).isZero();

        assertThat(http.get(contacts(ws) + "/" + ana, owner.headers()).json().get("tags")).extracting(JsonNode::asText)
                .containsExactly("lead", "vip");
        JsonNode anaAfter = http.get(contacts(ws) + "/" + ana, owner.headers()).json();
        assertThat(anaAfter.get("version").asLong()).isEqualTo(2);
        assertThat(http.get(contacts(ws) + "/" + cy, owner.headers()).json().get("version").asLong())
                .as("tagged already: not written").isEqualTo(1);
        assertThat(counters(ws, op)).containsEntry("processed", 3L).containsEntry("changed", 2L).containsEntry("unchanged", 1L);
        assertThat(published("contact.updated", ws)).hasSize(2);

        // Redelivered: nothing changes twice, nothing counts twice.
        assertThat(deliver(first)).isZero();
        assertThat(http.get(contacts(ws) + "/" + ana, owner.headers()).json().get("version").asLong()).isEqualTo(2);
        assertThat(counters(ws, op)).containsEntry("processed", 3L).containsEntry("changed", 2L);
        assertThat(published("contact.updated", ws)).hasSize(2);

        String untag = Ids.newId("blk");
        operation(ws, untag, 2);
        assertThat(deliver(chunk(ws, untag, 1, "untag", List.of("vip", "lead"), List.of(ana, bo)))).isZero();
        assertThat(http.get(contacts(ws) + "/" + ana, owner.headers()).json().get("tags")).isEmpty();
        assertThat(http.get(contacts(ws) + "/" + bo, owner.headers()).json().get("tags")).isEmpty();
        assertThat(counters(ws, untag)).containsEntry("changed", 2L).containsEntry("processed", 2L);
    }

    @Test
    void deleteDeletesThroughTheContactsPathAndCountsContactsGoneMeanwhile() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        String ana = contact(owner, ws, "ana@acme.io", "[]");
        String bo = contact(owner, ws, "bo@acme.io", "[]");
        String theirs = contact(Caller.owner(other), other, "theirs@acme.io", "[]");
        assertThat(http.delete(contacts(ws) + "/" + bo, owner.headers()).status()).isEqualTo(204);
        String op = Ids.newId("blk");
        operation(ws, op, 3);

        String body = chunk(ws, op, 1, "delete", List.of(), List.of(ana, bo, theirs));
        assertThat(deliver(body)).isZero();

        assertThat(http.get(contacts(ws) + "/" + ana, owner.headers()).status()).isEqualTo(404);
        assertThat(http.get(contacts(other) + "/" + theirs, Caller.owner(other).headers()).status())
                .as("another workspace's contact is out of reach").isEqualTo(200);
        assertThat(counters(ws, op)).containsEntry("processed", 3L).containsEntry("changed", 1L).containsEntry("missing", 2L)
                .containsEntry("failed", 0L);
        assertThat(published("contact.deleted", ws)).hasSize(2);
        // The address is free again, as after DELETE.
        contact(owner, ws, "ana@acme.io", "[]");

        assertThat(deliver(body)).isZero();
        assertThat(counters(ws, op)).containsEntry("processed", 3L).containsEntry("changed", 1L);
        assertThat(published("contact.deleted", ws)).hasSize(2);
    }

    @Test
    void aChunkFailingItsLastTryIsCountedFailedSoTheOperationEnds() {
        String ws = workspace();
        String op = Ids.newId("blk");
        operation(ws, op, 2);
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("m1");
        m.setBody(chunk(ws, op, 1, "paint", List.of(), List.of(Ids.newId("con"), Ids.newId("con"))));
        m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(m));
        assertThat(new BulkConsumer(context).execute(event).getBatchItemFailures()).hasSize(1);
        assertThat(counters(ws, op)).containsEntry("processed", 0L);
        m.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(BulkConsumer.MAX_ATTEMPTS)));
        assertThat(new BulkConsumer(context).execute(event).getBatchItemFailures()).isEmpty();
        assertThat(counters(ws, op)).containsEntry("processed", 2L).containsEntry("failed", 2L);
    }
}

package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An import that fills a static list (decision 0041): every accepted row's contact (created, updated, or holding the
 * address already) is a member exactly once, even when the worker is killed between a batch's writes and its
 * checkpoint and resumes; {@code contact.import.completed} names the list. Batches of ten rows, one per slice.
 */
@MicronautTest
@Tag("integration")
class ImportListTest extends ImportTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("penguinmails.contacts.imports.batch-size", "10",
                "penguinmails.contacts.imports.lease", "2s",
                "penguinmails.contacts.imports.slice-budget", "0s");
    }

    @AfterEach
    void noMoreInterruptions() {
        context.getBean(ImportWorker.class).interruptWith((id, through) -> { });
    }

    /** 35 rows: r0..r34@acme.io, but row 7 invalid and row 20 repeats row 3's address; and a contact the workspace has. */
    static byte[] csv(String existing) {
        StringBuilder csv = new StringBuilder("email,first name\n");
        for (int i = 0; i < 35; i++) {
            String email = i == 7 ? "not-an-address" : i == 20 ? "r3@acme.io" : i == 30 ? existing : "r" + i + "@acme.io";
            csv.append(email).append(",R").append(i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Set<String> members(String ws, String listId) {
        Set<String> members = new TreeSet<>();
        dynamo().queryPaginator(r -> r.tableName(table()).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("WS#" + ws + "#LIST#" + listId))))
                .items().forEach(i -> members.add(i.get("sk").s()));
        return members;
    }

    @Test
    void aNewListGetsEveryAcceptedRowsContactOnceThoughTheWorkerIsKilledTwice() throws InterruptedException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        Reply had = create(owner, ws, "{\"email\":\"old@acme.io\"}");
        String existing = had.json().path("id").asText();
        Set<Long> killAt = new HashSet<>(List.of(10L, 30L));
        context.getBean(ImportWorker.class).interruptWith((id, through) -> {
            if (killAt.remove(through)) {
                throw new IllegalStateException("killed after writing rows up to " + through);
            }
        });
        byte[] file = csv("old@acme.io");
        Reply started = start(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":" + file.length
                + ",\"listName\":\" Webinar leads \"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String listId = started.json().path("listId").asText();
        assertThat(listId).startsWith("lst_");
        Map<String, AttributeValue> list = dynamo().getItem(r -> r.tableName(table()).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws + "#LISTS"), "sk", AttributeValue.fromS(listId)))).item();
        assertThat(list.get("name").s()).as("the list, as contacts-query keeps lists").isEqualTo("Webinar leads");
        String id = started.json().path("contactImport").path("id").asText();
        upload(started.json().path("upload"), file);

        drain();
        for (int redelivery = 0; redelivery < 3 && !poll(owner, ws, id).path("state").asText().equals("completed");
             redelivery++) {
            Thread.sleep(2_100);
            context.getBean(SqsClient.class).sendMessage(r -> r.queueUrl(queueUrl())
                    .messageBody("{\"workspaceId\":\"" + ws + "\",\"importId\":\"" + id + "\"}"));
            drain();
        }
        assertThat(killAt).as("both kills happened").isEmpty();
        JsonNode done = poll(owner, ws, id);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");

        Set<String> expected = new TreeSet<>();
        allContacts(owner, ws).forEach(c -> expected.add(c.path("id").asText()));
        assertThat(expected).as("32 created and the existing one").hasSize(33).contains(existing);
        assertThat(members(ws, listId)).as("every accepted row's contact, the existing one included, once")
                .isEqualTo(expected);
        List<PublishedEvent> completed = published("contact.import.completed", ws);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).detail()).contains("\"listId\":\"" + listId + "\"");
    }

    @Test
    void anExistingListIsFilledAndBadListsAreRefusedWithNothingStarted() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        String listId = Ids.newId("lst");
        dynamo().putItem(r -> r.tableName(table()).item(Map.of("pk", AttributeValue.fromS("WS#" + ws + "#LISTS"),
                "sk", AttributeValue.fromS(listId), "name", AttributeValue.fromS("Mine"),
                "status", AttributeValue.fromS("active"), "createdAt", AttributeValue.fromS("2026-12-01T00:00:00Z"))));
        String theirs = Ids.newId("lst");
        dynamo().putItem(r -> r.tableName(table()).item(Map.of("pk", AttributeValue.fromS("WS#" + other + "#LISTS"),
                "sk", AttributeValue.fromS(theirs), "name", AttributeValue.fromS("Theirs"),
                "status", AttributeValue.fromS("active"), "createdAt", AttributeValue.fromS("2026-12-01T00:00:00Z"))));

        for (String bad : List.of("\"listId\":\"" + theirs + "\"", "\"listId\":\"lst_nope\"",
                "\"listId\":\"" + listId + "\",\"listName\":\"Both\"", "\"listName\":\"  \"")) {
            Reply refused = start(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":10," + bad + "}");
            assertThat(refused.status()).as(bad + " -> " + refused.body()).isIn(400, 404);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        assertThat(http.get(imports(ws), owner.headers()).json().path("items")).as("no import started").isEmpty();

        JsonNode done = importFile(owner, ws, "csv", "email\na@acme.io\nb@acme.io\n".getBytes(StandardCharsets.UTF_8),
                "\"listId\":\"" + listId + "\",\"dedupe\":\"update\"");
        assertThat(done.path("created").asLong()).isEqualTo(2);
        Set<String> ids = new TreeSet<>();
        allContacts(owner, ws).forEach(c -> ids.add(c.path("id").asText()));
        assertThat(members(ws, listId)).isEqualTo(ids);
    }
}

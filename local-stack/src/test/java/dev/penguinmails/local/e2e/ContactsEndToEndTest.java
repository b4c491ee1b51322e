package dev.penguinmails.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.local.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contacts through the whole local stack, as a customer drives them: an import uploaded with its presigned URL
 * reaches the worker through S3's event and the queue, its contacts reach the query model through their events,
 * a segment counts them, the error report downloads through its own presigned URL, and a bulk operation over the
 * segment changes the contacts through the contacts family's queue.
 */
@SharedLocalStack
class ContactsEndToEndTest {
    private static final int VALID_ROWS = 25;
    private static LocalStack stack;
    private static StackAccounts accounts;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(LocalStack shared) {
        stack = shared;
        accounts = new StackAccounts(stack.apiBaseUrl());
    }

    @Test
    void anUploadedImportBecomesQueryableContactsWithAnErrorReportAndABulkTagReachesThem() throws Exception {
        String bearer = "Bearer " + accounts.signUpAndLogIn("Import End To End");
        String ws = accounts.workspaceOf(bearer.substring(7));
        String imports = "/v1/workspaces/" + ws + "/contact-imports";

        StringBuilder csv = new StringBuilder("Email,First Name,Company\n");
        for (int i = 1; i <= VALID_ROWS; i++) {
            csv.append("lead").append(i).append("@e2e-import.io,Lead ").append(i).append(",Acme\n");
        }
        csv.append("not-an-address,Bad,Row\n").append("LEAD1@e2e-import.io,Repeated,Row\n");
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        JsonNode started = accounts.expect(201, "POST", imports, """
                {"format":"csv","sizeBytes":%d,"fileName":"leads.csv","dedupe":"skip","listName":"E2E leads"}
                """.formatted(file.length), bearer);
        String importId = started.at("/contactImport/id").asText();
        String listId = started.path("listId").asText();
        assertThat(listId).as(started.toString()).startsWith("lst_");
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(started.at("/upload/url").asText()))
                .header("Content-Type", started.at("/upload/headers/Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);

        JsonNode done = await("GET", imports + "/" + importId, null, bearer,
                p -> "completed".equals(p.path("state").asText()) || "failed".equals(p.path("state").asText()));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("created").asInt()).isEqualTo(VALID_ROWS);
        assertThat(done.path("skipped").asInt()).as("the repeated address").isEqualTo(1);
        assertThat(done.path("failed").asInt()).as("the bad address").isEqualTo(1);

        String segments = "/v1/workspaces/" + ws + "/segments";
        String imported = """
                {"definition":{"match":"all","rules":[{"field":"list","op":"in_list","value":"%s"}]},"sampleSize":0}
                """.formatted(listId);
        JsonNode count = await("POST", segments + "/preview", imported, bearer, p -> p.path("count").asInt() == VALID_ROWS);
        assertThat(count.path("count").asInt()).as("the import's list in the query model").isEqualTo(VALID_ROWS);

        JsonNode errors = accounts.expect(200, "GET", imports + "/" + importId + "/errors", null, bearer);
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(errors.path("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        List<String> lines = report.body().lines().toList();
        assertThat(lines).as(report.body()).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("row,column,reason");
        assertThat(lines.get(1)).as("the bad address, by its line in the file").startsWith((VALID_ROWS + 2) + ",Email,");
        assertThat(lines.get(2)).startsWith((VALID_ROWS + 3) + ",Email,repeats the address of row 2");

        JsonNode segment = accounts.expect(201, "POST", segments, """
                {"name":"Acme leads","definition":{"match":"all","rules":[{"field":"company","op":"eq","value":"Acme"}]}}""",
                bearer);
        String bulk = "/v1/workspaces/" + ws + "/contact-bulk-operations";
        JsonNode operation = accounts.expect(202, "POST", bulk, """
                {"action":"tag","tags":["e2e-tagged"],"segmentId":"%s"}""".formatted(segment.path("id").asText()), bearer);
        assertThat(operation.path("matched").asInt()).isEqualTo(VALID_ROWS);
        JsonNode finished = await("GET", bulk + "/" + operation.path("id").asText(), null, bearer,
                p -> "completed".equals(p.path("status").asText()) || "failed".equals(p.path("status").asText()));
        assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("completed");
        assertThat(finished.path("changed").asInt()).isEqualTo(VALID_ROWS);
        JsonNode tagged = await("POST", segments + "/preview", """
                {"definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["e2e-tagged"]}]},"sampleSize":0}""",
                bearer, p -> p.path("count").asInt() == VALID_ROWS);
        assertThat(tagged.path("count").asInt()).as("the tags reached the query model through contact.updated")
                .isEqualTo(VALID_ROWS);
    }

    /** Calls until {@code done} holds for the answer (200), 90 s at most; answers the last reply. */
    private JsonNode await(String method, String path, String json, String bearer, Predicate<JsonNode> done)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode reply;
        do {
            reply = accounts.expect(200, method, path, json, bearer);
            if (done.test(reply)) {
                return reply;
            }
            Thread.sleep(300);
        } while (Instant.now().isBefore(deadline));
        return reply;
    }
}

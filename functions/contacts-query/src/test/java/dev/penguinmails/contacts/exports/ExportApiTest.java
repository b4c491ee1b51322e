package dev.penguinmails.contacts.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.query.Caller;
import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exports end to end: created through the API, written by the consumer, downloaded through the presigned URL and
 * parsed; each kind of filter, column choice, formula escaping, bad input, roles and tenancy.
 */
@MicronautTest(transactional = false)
@Tag("integration")
class ExportApiTest extends ExportTestBase {
    private static final List<String> FIELDS = List.of("id", "email", "firstName", "lastName", "company", "title", "phone",
            "timezone", "tags", "status", "source", "createdAt", "updatedAt");
    private String ws;
    private Caller owner;
    private ContactState ana;
    private ContactState bo;
    private ContactState cy;
    private ContactState eve;

    @BeforeAll
    void contacts() {
        ws = workspace();
        owner = Caller.owner(ws);
        declare(ws, "seats", "number");
        declare(ws, "plan", "text");
        ana = named(state("ana@acme.com", List.of("lead", "q4"), Map.of("seats", new String[] {"number", "12"},
                "plan", new String[] {"text", "Growth"})), "Ana", "Souza", "Acme, Inc.", "+5511987654321");
        bo = state("bo@acme.com", List.of("lead"), Map.of("seats", new String[] {"number", "-3"}));
        cy = state("cy@globex.io", List.of("customer"), Map.of("plan", new String[] {"text", "=1+1"}));
        // Every cell a spreadsheet would run: each starts with a formula character (OWASP's list).
        eve = new ContactState(dev.penguinmails.shared.ids.Ids.newId("con"), "eve@evil.example", "0".repeat(64),
                "=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3", null,
                null, List.of("vip"), List.of(new ContactState.CustomField("plan", "text", "\tTab")), "manual", "active", 1);
        for (ContactState s : List.of(ana, bo, cy, eve)) {
            save(ws, s);
        }
        ContactState gone = state("gone@acme.com", List.of("lead"), Map.of());
        save(ws, gone);
        project();
        delete(ws, gone, 2);
        project();
    }

    private static ContactState named(ContactState s, String first, String last, String company, String phone) {
        return new ContactState(s.contactId(), s.email(), s.emailHash(), first, last, company, "CEO", phone,
                "America/Sao_Paulo", s.tags(), s.customFields(), s.source(), s.status(), s.version());
    }

    @Test
    void anExportOfAllContactsIsWrittenByTheConsumerAndDownloadedThroughAPresignedUrl() {
        Reply created = http.post(exports(ws), "{}", owner.headers());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.text("id");
        assertThat(created.header("Location").orElseThrow()).endsWith("/contact-exports/" + id);
        assertThat(created.text("state")).isEqualTo("queued");
        assertThat(created.json().get("total").asLong()).as("live contacts only").isEqualTo(4);
        assertThat(created.json().get("download")).isNull();
        Reply queued = http.get(exports(ws) + "/" + id, owner.headers());
        assertThat(queued.text("state")).as("nothing runs in the request").isEqualTo("queued");

        assertThat(runExports()).isZero();

        Reply done = http.get(exports(ws) + "/" + id, owner.headers());
        assertThat(done.text("state")).as(done.body()).isEqualTo("completed");
        assertThat(done.json().get("rowsWritten").asLong()).isEqualTo(4);
        assertThat(done.json().get("percent").asInt()).isEqualTo(100);
        Instant expires = Instant.parse(done.json().get("download").get("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        String url = done.json().get("download").get("url").asText();
        assertThat(url).contains("X-Amz-Expires=900").contains("exports/" + ws + "/" + id + ".csv");
        sleepPastTheSecond();
        assertThat(http.get(exports(ws) + "/" + id, owner.headers()).json().get("download").get("url").asText())
                .as("minted anew on each read (signed at another second)").isNotEqualTo(url);

        List<List<String>> rows = download(done.json());
        List<String> header = new ArrayList<>(FIELDS);
        header.addAll(List.of("plan", "seats"));
        assertThat(rows.get(0)).isEqualTo(header);
        assertThat(column(rows, "id")).as("in contact id order")
                .isEqualTo(Stream.of(ana, bo, cy, eve).map(ContactState::contactId).sorted().toList());
        List<String> first = rows.stream().filter(r -> r.get(0).equals(ana.contactId())).findFirst().orElseThrow();
        assertThat(first.subList(1, 11)).containsExactly("ana@acme.com", "Ana", "Souza", "Acme, Inc.", "CEO",
                "'+5511987654321", "America/Sao_Paulo", "lead,q4", "active", "manual");
        assertThat(Instant.parse(first.get(11))).isBefore(Instant.now());
        assertThat(first.subList(13, 15)).containsExactly("Growth", "12");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasArePrefixedWithAQuote() {
        List<List<String>> rows = download(export(owner, """
                {"definition":{"match":"any","rules":[{"field":"email","op":"in","values":["eve@evil.example","bo@acme.com","cy@globex.io"]}]},
                 "columns":["email","firstName","lastName","company","title","custom.plan","custom.seats"]}"""));

        assertThat(rows).hasSize(4);
        List<String> evil = rows.stream().filter(r -> r.get(0).equals("eve@evil.example")).findFirst().orElseThrow();
        assertThat(evil).containsExactly("eve@evil.example", "'=HYPERLINK(\"http://evil.example\",\"x\")", "'@SUM(A1:A9)",
                "'+cmd|' /C calc'!A0", "'-2+3", "'\tTab", "");
        assertThat(rows.stream().filter(r -> r.get(0).equals("cy@globex.io")).findFirst().orElseThrow().get(5)).isEqualTo("'=1+1");
        assertThat(rows.stream().filter(r -> r.get(0).equals("bo@acme.com")).findFirst().orElseThrow().get(6))
                .as("a negative number too: the rule cannot tell it from a formula").isEqualTo("'-3");
    }

    @Test
    void columnsAreTheOnesChosenInTheirOrder() {
        List<List<String>> rows = download(export(owner, """
                {"columns":["custom.seats","email","tags"]}"""));

        assertThat(rows.get(0)).containsExactly("seats", "email", "tags");
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r).hasSize(3));
        assertThat(rows.subList(1, 5)).contains(List.of("12", "ana@acme.com", "lead,q4"), List.of("", "cy@globex.io", "customer"));
    }

    @Test
    void aSavedSegmentAListAndAnInlineDefinitionEachExportWhatTheyMatch() {
        Reply segment = http.post(segments(ws), """
                {"name":"Leads","definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["lead"]}]}}""",
                owner.headers());
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);
        JsonNode bySegment = export(owner, "{\"segmentId\":\"" + segment.text("id") + "\",\"columns\":[\"email\"]}");
        assertThat(bySegment.get("segmentId").asText()).isEqualTo(segment.text("id"));
        assertThat(column(download(bySegment), "email")).containsExactlyInAnyOrder("ana@acme.com", "bo@acme.com");

        Reply list = http.post(lists(ws), "{\"name\":\"Conference\"}", owner.headers());
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        Reply added = http.post(lists(ws) + "/" + list.text("id") + "/members",
                "{\"contactIds\":[\"" + cy.contactId() + "\",\"" + eve.contactId() + "\"]}", owner.headers());
        assertThat(added.status()).as(added.body()).isBetween(200, 204);
        JsonNode byList = export(owner, "{\"listId\":\"" + list.text("id") + "\",\"columns\":[\"email\"]}");
        assertThat(byList.get("total").asLong()).isEqualTo(2);
        assertThat(column(download(byList), "email")).containsExactlyInAnyOrder("cy@globex.io", "eve@evil.example");

        JsonNode inline = export(owner, """
                {"definition":{"match":"all","rules":[{"field":"domain","op":"eq","value":"acme.com"},
                   {"field":"custom.seats","op":"gt","value":10}]},"columns":["email"]}""");
        assertThat(column(download(inline), "email")).containsExactly("ana@acme.com");

        JsonNode none = export(owner, """
                {"definition":{"match":"all","rules":[{"field":"tags","op":"has_any","values":["nobody"]}]}}""");
        assertThat(download(none)).as("the header only").hasSize(1);
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void badFiltersAndColumnsAreProblemsAndCreateNothing() {
        int before = http.get(exports(ws) + "?limit=100", owner.headers()).json().get("items").size();

        Reply segment = http.post(exports(ws), "{\"segmentId\":\"seg_01KBHY3B5C7D9E1F3G5H7J9K1M\"}", owner.headers());
        assertThat(segment.status()).isEqualTo(404);
        assertThat(segment.problemSlug()).isEqualTo("not-found");
        Reply list = http.post(exports(ws), "{\"listId\":\"lst_01KBHY3B5C7D9E1F3G5H7J9K1M\"}", owner.headers());
        assertThat(list.status()).isEqualTo(404);

        Reply rules = http.post(exports(ws), """
                {"definition":{"match":"all","rules":[{"field":"shoeSize","op":"eq","value":1},
                   {"field":"tags","op":"gt","value":"x"}]}}""", owner.headers());
        assertThat(rules.status()).as(rules.body()).isEqualTo(400);
        assertThat(fields(rules)).contains("definition.rules[0].field", "definition.rules[1].op");

        Reply columns = http.post(exports(ws), "{\"columns\":[\"email\",\"shoeSize\",\"custom.nope\",\"email\"]}",
                owner.headers());
        assertThat(columns.status()).as(columns.body()).isEqualTo(400);
        assertThat(columns.problemSlug()).isEqualTo("validation-failed");
        assertThat(fields(columns)).containsExactly("columns[1]", "columns[2]", "columns[3]");

        Reply two = http.post(exports(ws), "{\"listId\":\"lst_01KBHY3B5C7D9E1F3G5H7J9K1M\",\"definition\":"
                + "{\"match\":\"all\",\"rules\":[]}}", owner.headers());
        assertThat(two.status()).as(two.body()).isEqualTo(400);

        assertThat(http.get(exports(ws) + "?limit=100", owner.headers()).json().get("items")).hasSize(before);
        assertThat(runExports()).isZero();
    }

    @Test
    void anotherWorkspaceCannotReadListOrDownloadAnExport() {
        JsonNode mine = export(owner, "{\"columns\":[\"email\"]}");
        String other = workspace();
        Caller stranger = Caller.owner(other);
        save(other, state("zed@other.example", List.of(), Map.of()));
        project();

        assertThat(http.get(exports(other) + "/" + mine.get("id").asText(), stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(exports(ws) + "/" + mine.get("id").asText(), stranger.headers()).status())
                .as("not a member of the workspace").isIn(403, 404);
        assertThat(http.get(exports(other), stranger.headers()).json().get("items")).isEmpty();

        JsonNode theirs = export(stranger, "{\"columns\":[\"email\"]}");
        assertThat(column(download(theirs), "email")).containsExactly("zed@other.example");
        assertThat(http.get(exports(ws) + "?limit=100", owner.headers()).json().get("items").findValuesAsText("id"))
                .contains(mine.get("id").asText()).doesNotContain(theirs.get("id").asText());
        assertThat(theirs.get("download").get("url").asText()).contains("exports/" + other + "/")
                .doesNotContain(ws);
    }

    @Test
    void aViewerMayExportTheListIsNewestFirstAndAnIdempotencyKeyIsHonoured() {
        Caller viewer = Caller.of(ws, Role.VIEWER);
        String[] headers = Stream.concat(Arrays.stream(viewer.headers()), Stream.of("Idempotency-Key", "export-1"))
                .toArray(String[]::new);
        Reply first = http.post(exports(ws), "{\"columns\":[\"email\"]}", headers);
        Reply again = http.post(exports(ws), "{\"columns\":[\"email\"]}", headers);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        Reply second = http.post(exports(ws), "{\"columns\":[\"id\"]}", viewer.headers());
        assertThat(second.status()).isEqualTo(202);

        List<String> ids = http.get(exports(ws) + "?limit=100", viewer.headers()).json().get("items").findValuesAsText("id");
        assertThat(ids.indexOf(second.text("id"))).isLessThan(ids.indexOf(first.text("id")));
        assertThat(ids.stream().filter(first.text("id")::equals)).hasSize(1);
        assertThat(runExports()).isZero();
        assertThat(http.get(exports(ws) + "/" + first.text("id"), viewer.headers()).text("state")).isEqualTo("completed");
    }

    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> fields(Reply problem) {
        return problem.json().get("errors").findValuesAsText("field");
    }
}

package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.suppression.SuppressionService;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Suppression lists as files, end to end: a CSV uploaded with the presigned URL → S3 event → the imports queue → the
 * import worker → entries and an error report; and the list exported as a CSV in the exports bucket.
 */
@MicronautTest
@Tag("integration")
class SuppressionFilesTest extends ImportTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("penguinmails.suppression.platform-emails", "trap@spam-trap.example",
                "penguinmails.suppression.platform-domains", "blocked-by-platform.example",
                // Small, so that the size limit can be tried without a big file.
                "penguinmails.contacts.imports.max-suppression-bytes", "4096");
    }

    static String suppressionImports(String ws) {
        return "/v1/workspaces/" + ws + "/suppression-imports";
    }

    Reply startSuppressions(Caller caller, String ws, String body) {
        return http.post(suppressionImports(ws), body, caller.headers());
    }

    /** Starts a suppression import of {@code file}, uploads it, runs the worker; the import as it ended. */
    JsonNode importSuppressions(Caller caller, String ws, String file, String more) {
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        Reply started = startSuppressions(caller, ws, "{\"format\":\"csv\",\"sizeBytes\":" + bytes.length
                + (more.isEmpty() ? "" : "," + more) + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().path("suppressionImport").path("id").asText();
        assertThat(id).startsWith("simp_");
        assertThat(started.header("Location").orElseThrow()).isEqualTo(suppressionImports(ws) + "/" + id);
        assertThat(started.json().path("upload").path("url").asText()).contains("/suppression-uploads/" + ws + "/" + id + ".csv");
        upload(started.json().path("upload"), bytes);
        drain();
        Reply done = http.get(suppressionImports(ws) + "/" + id, caller.headers());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        return done.json();
    }

    String suppressionReport(Caller caller, String ws, String id) {
        Reply reply = http.get(suppressionImports(ws) + "/" + id + "/errors", caller.headers());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return download(reply.json().path("url").asText());
    }

    /** Every live entry of the workspace's list, through the list route. */
    List<JsonNode> entries(Caller caller, String ws) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = http.get(suppressions(ws) + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    caller.headers());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(all::add);
            cursor = page.json().path("nextCursor").isTextual() ? page.json().path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    String export(Caller caller, String ws) {
        Reply reply = http.get(suppressions(ws) + "/export", caller.headers());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("url").asText()).contains("/suppressions/" + ws + "/sexp_");
        return download(reply.json().path("url").asText());
    }

    @Test
    void aCsvBecomesEntriesOfTheWorkspaceWithTheirReasonsAndEvents() {
        String ws = workspace();
        Caller member = Caller.of(ws, Role.MEMBER);
        String csv = """
                Email,Domain,Reason,Note
                Ana@Acme.COM,,unsubscribed,left in May
                ,Spam-Source.example,Complaint,
                bob@example.org,,,
                carol@example.org,,Hard Bounce,
                """;
        JsonNode done = importSuppressions(member, ws, csv, "\"fileName\":\"list.csv\",\"defaultReason\":\"unsubscribed\"");

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(4);
        assertThat(done.path("added").asLong()).isEqualTo(4);
        assertThat(done.path("existing").asLong()).isZero();
        assertThat(done.path("failed").asLong()).isZero();
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("fileName").asText()).isEqualTo("list.csv");
        assertThat(done.path("defaultReason").asText()).isEqualTo("unsubscribed");
        assertThat(done.path("columns").path("Email").asText()).isEqualTo("email");
        assertThat(done.path("ignoredColumns").get(0).asText()).isEqualTo("Note");
        assertThat(done.path("errorReport").asBoolean()).isFalse();
        assertThat(http.get(suppressionImports(ws) + "/" + done.path("id").asText() + "/errors", member.headers())
                .status()).as("every row went in: no report").isEqualTo(404);

        List<JsonNode> entries = entries(member, ws);
        assertThat(entries).extracting(e -> e.path("id").asText() + " " + e.path("reason").asText() + " "
                + e.path("source").asText())
                .containsExactlyInAnyOrder("dom_spam-source.example complaint import",
                        "eml_" + EmailHashes.of(ws, "ana@acme.com") + " unsubscribed import",
                        "eml_" + EmailHashes.of(ws, "bob@example.org") + " unsubscribed import",
                        "eml_" + EmailHashes.of(ws, "carol@example.org") + " hard-bounce import");
        assertThat(published("suppression.added", ws)).hasSize(4);
        assertThat(published("contact.import.completed", ws)).as("a suppression import is not a contact import")
                .isEmpty();

        Reply listed = http.get(suppressionImports(ws), member.headers());
        assertThat(listed.json().path("items")).extracting(i -> i.path("id").asText())
                .containsExactly(done.path("id").asText());
        assertThat(http.get("/v1/workspaces/" + ws + "/contact-imports", member.headers()).json().path("items"))
                .as("contact imports list only contact imports").isEmpty();
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndCountsTheEntriesExisting() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(http.post(suppressions(ws), "{\"email\":\"ana@acme.com\",\"reason\":\"complaint\"}", owner.headers())
                .status()).isEqualTo(201);
        String csv = "value,reason\nana@acme.com,manual\nacme.org,\ndan@example.org,hard-bounce\n";

        JsonNode first = importSuppressions(owner, ws, csv, "");
        assertThat(first.path("added").asLong()).isEqualTo(2);
        assertThat(first.path("existing").asLong()).as("added through the API before").isEqualTo(1);
        List<JsonNode> before = entries(owner, ws);
        assertThat(before).filteredOn(e -> e.path("email").asText().equals("ana@acme.com"))
                .singleElement().satisfies(e -> assertThat(e.path("reason").asText()).isEqualTo("complaint"));
        int events = published("suppression.added", ws).size();

        JsonNode again = importSuppressions(owner, ws, csv, "");

        assertThat(again.path("state").asText()).isEqualTo("completed");
        assertThat(again.path("added").asLong()).isZero();
        assertThat(again.path("existing").asLong()).isEqualTo(3);
        assertThat(again.path("failed").asLong()).isZero();
        assertThat(entries(owner, ws)).isEqualTo(before);
        assertThat(published("suppression.added", ws)).hasSize(events);
    }

    @Test
    void badRowsFailWithAReasonEachAndTheOthersGoIn() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String csv = """
                email,domain,reason
                not-an-address,,manual
                ,co.uk,manual
                ,exa mple.com,manual
                ok@example.org,,spam
                eve@example.org,,erased
                both@example.org,example.org,manual
                ,,manual
                ok@example.org,,manual
                fine@example.org,,manual
                "=HYPERLINK(""http://evil.example"")",,manual
                """;
        JsonNode done = importSuppressions(owner, ws, csv, "");

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(10);
        assertThat(done.path("added").asLong()).as("row 9 repeats row 5's address, but row 5 failed").isEqualTo(2);
        assertThat(done.path("skipped").asLong()).isZero();
        assertThat(done.path("failed").asLong()).isEqualTo(8);
        String report = suppressionReport(owner, ws, done.path("id").asText());
        assertThat(report).startsWith("row,column,reason");
        assertThat(report).contains("2,email,").contains("3,domain,is a public suffix")
                .contains("4,domain,").contains("5,reason,\"must be one of unsubscribed, hard-bounce, complaint, manual\"")
                .contains("6,reason,\"must be one of").contains("7,domain,\"give either an email or a domain")
                .contains("8,email,is empty; every row needs an email address or a domain")
                .contains("11,email,");
        assertThat(report).as("a cell quoted in a reason is made inert").doesNotContain("\n11,email,=");
        assertThat(entries(owner, ws)).extracting(e -> e.path("email").asText())
                .containsExactlyInAnyOrder("ok@example.org", "fine@example.org");
    }

    @Test
    void aRepeatedRowIsSkippedAndReported() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        JsonNode done = importSuppressions(owner, ws, "value\nana@acme.com\nANA@acme.com\nacme.org\nAcme.org.\n", "");
        assertThat(done.path("added").asLong()).isEqualTo(2);
        assertThat(done.path("skipped").asLong()).isEqualTo(2);
        assertThat(suppressionReport(owner, ws, done.path("id").asText()))
                .contains("3,value,repeats the email of row 2").contains("5,value,repeats the domain of row 4");
    }

    @Test
    void aFileThatIsNotCsvOrHasNoValueColumnFailsAsAFile() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        JsonNode binary = importSuppressionBytes(owner, ws, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 20, 0, 0, 0, 8, 0});
        assertThat(binary.path("state").asText()).isEqualTo("failed");
        assertThat(binary.path("problem").asText()).isEqualTo("not-csv");

        JsonNode noColumn = importSuppressions(owner, ws, "name,company\nAna,Acme\n", "");
        assertThat(noColumn.path("state").asText()).isEqualTo("failed");
        assertThat(noColumn.path("problem").asText()).isEqualTo("no-value-column");
        assertThat(noColumn.path("reason").asText()).contains("[name, company]");

        JsonNode both = importSuppressions(owner, ws, "value,email\nacme.org,ana@acme.com\n", "");
        assertThat(both.path("problem").asText()).isEqualTo("duplicate-columns");
        assertThat(entries(owner, ws)).isEmpty();
        assertThat(published("contact.import.failed", ws)).isEmpty();
    }

    private JsonNode importSuppressionBytes(Caller caller, String ws, byte[] bytes) {
        Reply started = startSuppressions(caller, ws, "{\"format\":\"csv\",\"sizeBytes\":" + bytes.length + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        upload(started.json().path("upload"), bytes);
        drain();
        return http.get(suppressionImports(ws) + "/" + started.json().path("suppressionImport").path("id").asText(),
                caller.headers()).json();
    }

    @Test
    void badRequestsAreProblemsAndKeepNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        var before = snapshot();

        Reply tooLarge = startSuppressions(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":4097}");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(tooLarge.json().path("type").asText()).endsWith("file-too-large");
        assertThat(tooLarge.json().path("detail").asText()).contains("4096");

        Reply xlsx = startSuppressions(owner, ws, "{\"format\":\"xlsx\",\"sizeBytes\":100}");
        assertThat(xlsx.status()).isEqualTo(400);
        assertThat(xlsx.body()).contains("format").contains("CSV only");

        Reply reason = startSuppressions(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":100,\"defaultReason\":\"erased\"}");
        assertThat(reason.status()).isEqualTo(400);
        assertThat(reason.body()).contains("defaultReason");

        Reply noSize = startSuppressions(owner, ws, "{\"format\":\"csv\"}");
        assertThat(noSize.status()).isEqualTo(400);

        Reply viewer = startSuppressions(Caller.of(ws, Role.VIEWER), ws, "{\"format\":\"csv\",\"sizeBytes\":100}");
        assertThat(viewer.status()).as("a viewer may not change the list").isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUploadOverTheLimitFailsTheImport() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        byte[] big = ("value\n" + "a@example.org\n".repeat(400)).getBytes(StandardCharsets.UTF_8);
        Reply started = startSuppressions(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":100}");
        assertThat(started.status()).isEqualTo(201);
        // Declared within the limit, uploaded larger: S3 would refuse the PUT (its length is signed); the worker
        // checks the object's own size anyway.
        upload(started.json().path("upload"), big);
        drain();
        JsonNode done = http.get(suppressionImports(ws) + "/" + started.json().path("suppressionImport").path("id")
                .asText(), owner.headers()).json();
        assertThat(done.path("state").asText()).isEqualTo("failed");
        assertThat(done.path("problem").asText()).isEqualTo("file-too-large");
        assertThat(entries(owner, ws)).isEmpty();
    }

    @Test
    void anotherWorkspaceSeesNothingOfTheImportOrItsEntries() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        Caller stranger = Caller.owner(other);
        JsonNode done = importSuppressions(owner, ws, "email\nana@acme.com\n", "");
        String id = done.path("id").asText();

        assertThat(http.get(suppressionImports(other) + "/" + id, stranger.headers()).status())
                .as("the id under another workspace").isEqualTo(404);
        assertThat(http.get(suppressionImports(other) + "/" + id + "/errors", stranger.headers()).status()).isEqualTo(404);
        // A workspace the caller is not in is answered as one that does not exist.
        assertThat(http.get(suppressionImports(ws) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(suppressionImports(ws), stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(suppressions(ws) + "/export", stranger.headers()).status()).isEqualTo(404);
        assertThat(startSuppressions(stranger, ws, "{\"format\":\"csv\",\"sizeBytes\":10}").status()).isEqualTo(404);
        assertThat(http.get(suppressionImports(other), stranger.headers()).json().path("items")).isEmpty();
        assertThat(entries(stranger, other)).isEmpty();
        assertThat(export(stranger, other)).isEqualTo("type,value,reason,source,createdAt\r\n");
        assertThat(http.post(suppressions(other) + "/check", "{\"email\":\"ana@acme.com\"}", stranger.headers())
                .json().path("suppressed").asBoolean()).isFalse();
        assertThat(http.get("/v1/workspaces/" + ws + "/contact-imports/" + id, owner.headers()).status())
                .as("a suppression import is not a contact import").isEqualTo(404);
    }

    @Test
    void theExportListsTheEntriesWithHashesForErasedOnesAndInertFormulas() {
        String ws = workspace();
        Caller viewer = Caller.of(ws, Role.VIEWER);
        Caller owner = Caller.owner(ws);
        importSuppressions(owner, ws, """
                value,reason
                =cmd@acme.com,complaint
                -1@acme.com,manual
                ana@acme.com,unsubscribed
                spam-source.example,manual
                trap@spam-trap.example,manual
                """, "");
        context.getBean(SuppressionService.class).keepOnlyHash(TenantContext.system(ws, "test"), "gone@example.org");

        String csv = export(viewer, ws);

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("type,value,reason,source,createdAt");
        assertThat(lines).hasSize(7);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("email,'=cmd@acme.com,complaint,import,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("email,'-1@acme.com,manual,import,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("email,ana@acme.com,unsubscribed,import,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("domain,spam-source.example,manual,import,"));
        assertThat(lines).as("the workspace's own entry for an address the platform suppresses too")
                .anySatisfy(l -> assertThat(l).startsWith("email,trap@spam-trap.example,manual,import,"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("hashed," + EmailHashes.of(ws, "gone@example.org") + ",erased,erasure,"));
        assertThat(csv).as("platform entries are configuration, never exported")
                .doesNotContain("blocked-by-platform.example").doesNotContain("gone@example.org");
        String createdAt = lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1);
        assertThat(java.time.Instant.parse(createdAt)).isBefore(java.time.Instant.now().plusSeconds(1));
    }

    @Test
    void importedEntriesSuppressContactImports() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        importSuppressions(owner, ws, "email,reason\nana@acme.com,unsubscribed\n", "");
        importSuppressions(owner, ws, "domain\nblocked.example\n", "\"defaultReason\":\"complaint\"");

        JsonNode contacts = importFile(owner, ws, "csv", """
                email,firstName
                ana@acme.com,Ana
                carol@mail.blocked.example,Carol
                dan@example.org,Dan
                """.getBytes(StandardCharsets.UTF_8), "");

        assertThat(contacts.path("created").asLong()).isEqualTo(1);
        assertThat(contacts.path("skipped").asLong()).isEqualTo(2);
        assertThat(report(owner, ws, contacts.path("id").asText()))
                .contains("2,email,is suppressed: the address is on the workspace's suppression list (unsubscribed)")
                .contains("3,email,is suppressed: its domain blocked.example is on the workspace's suppression list "
                        + "(complaint)");
        assertThat(allContacts(owner, ws)).extracting(c -> c.path("email").asText()).containsExactly("dan@example.org");
    }
}

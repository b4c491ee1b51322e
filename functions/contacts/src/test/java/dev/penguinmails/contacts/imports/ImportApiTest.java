package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.emulators.PublishedEvent;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The import routes end to end: upload with the presigned URL → S3 event → queue → worker → contacts and report. */
@MicronautTest
@Tag("integration")
class ImportApiTest extends ImportTestBase {

    @Test
    void aCsvUploadBecomesContactsWithProgressEventsAndAnEscapedErrorReport() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(declare(owner, ws, "seats", "number").status()).isEqualTo(201);
        assertThat(http.post(suppressions(ws), "{\"domain\":\"blocked.example\",\"reason\":\"manual\"}", owner.headers())
                .status()).isEqualTo(201);
        String csv = """
                E-mail,First Name,company name,Seats,Favourite colour
                 Ana.Souza@Acme.COM ,Ana,Acme,12,blue
                not-an-email,Bob,Bobco,3,red
                ana.souza@acme.com,Ana again,Acme,12,green
                carol@blocked.example,Carol,Blocked,1,
                "=HYPERLINK(""http://evil.example"")",Eve,Evil,1,
                dan@example.org,Dan,,many,
                erin@example.org,Erin,Erinco,,
                """;
        JsonNode done = importFile(owner, ws, "csv", csv.getBytes(StandardCharsets.UTF_8),
                "\"fileName\":\"leads.csv\",\"dedupe\":\"skip\"");

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(7);
        assertThat(done.path("created").asLong()).isEqualTo(2);
        assertThat(done.path("skipped").asLong()).as("the repeated and the suppressed address").isEqualTo(2);
        assertThat(done.path("failed").asLong()).as("a bad address twice, a bad number").isEqualTo(3);
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("ignoredColumns").get(0).asText()).isEqualTo("Favourite colour");
        assertThat(done.path("columns").path("E-mail").asText()).isEqualTo("email");
        assertThat(done.path("columns").path("Seats").asText()).isEqualTo("customFields.seats");
        assertThat(done.path("errorReport").asBoolean()).isTrue();

        List<JsonNode> contacts = allContacts(owner, ws);
        assertThat(contacts).extracting(c -> c.path("email").asText())
                .containsExactly("Ana.Souza@acme.com", "erin@example.org");
        assertThat(contacts.get(0).path("customFields").path("seats").asInt()).isEqualTo(12);
        assertThat(contacts.get(0).path("source").asText()).isEqualTo("import");
        assertThat(contacts.get(0).path("company").asText()).isEqualTo("Acme");

        String report = report(owner, ws, done.path("id").asText());
        assertThat(report).startsWith("row,column,reason");
        assertThat(report).contains("3,E-mail,").contains("4,E-mail,repeats the address of row 2")
                .contains("5,E-mail,is suppressed: its domain blocked.example").contains("7,Seats,");
        assertThat(report).as("a formula cell quoted in a reason stays inert").doesNotContain("\n6,E-mail,=")
                .doesNotContain(",=HYPERLINK");

        List<PublishedEvent> completed = published("contact.import.completed", ws);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).detail()).contains("\"created\":2").contains("\"errorReport\":true");
        assertThat(published("contact.created", ws)).hasSize(2);

        Reply list = http.get(imports(ws), owner.headers());
        assertThat(list.json().path("items")).hasSize(1);
    }

    @Test
    void theModesSkipFillOrOverwriteAnExistingContact() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(create(owner, ws, "{\"email\":\"ana@acme.com\",\"firstName\":\"Ana\"}").status()).isEqualTo(201);
        byte[] csv = "email,first name,company\nANA@acme.com,Ann,Acme\n".getBytes(StandardCharsets.UTF_8);

        JsonNode skip = importFile(owner, ws, "csv", csv, "\"dedupe\":\"skip\"");
        assertThat(skip.path("skipped").asLong()).isEqualTo(1);
        assertThat(only(owner, ws).path("company").isMissingNode() || only(owner, ws).path("company").isNull()).isTrue();

        JsonNode update = importFile(owner, ws, "csv", csv, "\"dedupe\":\"update\"");
        assertThat(update.path("updated").asLong()).isEqualTo(1);
        assertThat(only(owner, ws).path("company").asText()).isEqualTo("Acme");
        assertThat(only(owner, ws).path("firstName").asText()).as("update fills empty fields only").isEqualTo("Ana");

        JsonNode again = importFile(owner, ws, "csv", csv, "\"dedupe\":\"update\"");
        assertThat(again.path("updated").asLong()).isZero();
        assertThat(again.path("skipped").asLong()).as("nothing left to fill").isEqualTo(1);

        JsonNode overwrite = importFile(owner, ws, "csv", csv, "\"dedupe\":\"overwrite\"");
        assertThat(overwrite.path("updated").asLong()).isEqualTo(1);
        assertThat(only(owner, ws).path("firstName").asText()).isEqualTo("Ann");
        assertThat(published("contact.updated", ws)).hasSize(2);
    }

    @Test
    void anExplicitMappingIsUsedAsGiven() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        byte[] csv = "Col A,Col B,Email\nzoe@example.com,Zoe,other@example.com\n".getBytes(StandardCharsets.UTF_8);
        JsonNode done = importFile(owner, ws, "csv", csv,
                "\"mapping\":{\"Col A\":\"email\",\"Col B\":\"firstName\",\"Email\":\"ignore\"}");
        assertThat(done.path("created").asLong()).isEqualTo(1);
        assertThat(only(owner, ws).path("email").asText()).isEqualTo("zoe@example.com");
        assertThat(only(owner, ws).path("firstName").asText()).isEqualTo("Zoe");
    }

    @Test
    void badRequestsAreProblemsAndKeepNothing() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        var before = snapshot();
        Reply tooLarge = start(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":104857601}");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.problemSlug()).isEqualTo("file-too-large");
        Reply xlsxTooLarge = start(owner, ws, "{\"format\":\"xlsx\",\"sizeBytes\":52428801}");
        assertThat(xlsxTooLarge.problemSlug()).isEqualTo("file-too-large");
        Reply invalid = start(owner, ws, "{\"format\":\"pdf\",\"sizeBytes\":0,\"dedupe\":\"merge\","
                + "\"mapping\":{\"Mail\":\"emails\",\"X\":\"customFields.undeclared\"}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("field"))
                .contains("format", "sizeBytes", "dedupe", "mapping.Mail", "mapping.X");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void importsAreTheWorkspacesOwnAndNeedTheWritePermission() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        JsonNode done = importFile(owner, ws, "csv", "email\nx@example.com\n".getBytes(StandardCharsets.UTF_8), "");
        String id = done.path("id").asText();
        String other = workspace();
        Caller stranger = Caller.owner(other);
        assertThat(http.get(imports(ws) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(imports(other) + "/" + id, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(imports(other) + "/" + id + "/errors", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(imports(other), stranger.headers()).json().path("items")).isEmpty();
        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(start(viewer, ws, "{\"format\":\"csv\",\"sizeBytes\":10}").status()).isEqualTo(403);
        assertThat(http.get(imports(ws) + "/" + id, viewer.headers()).status()).isEqualTo(200);
        Reply noReport = http.get(imports(ws) + "/" + id + "/errors", owner.headers());
        assertThat(noReport.status()).isEqualTo(404);
        assertThat(noReport.problemSlug()).isEqualTo("no-error-report");
        assertThat(Map.of()).isEmpty();
    }

    private JsonNode only(Caller caller, String ws) {
        List<JsonNode> all = allContacts(caller, ws);
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}

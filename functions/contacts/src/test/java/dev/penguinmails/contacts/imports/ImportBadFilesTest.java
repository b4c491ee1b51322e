package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Files that are broken or unusual: each gives a clear error of its row or of the file, valid rows still go in,
 * and a file refused as a whole writes no contact.
 */
@MicronautTest
@Tag("integration")
class ImportBadFilesTest extends ImportTestBase {
    /** Small enough that a test can upload more than it. */
    static final long MAX_CSV = 3 * 1024 * 1024;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("penguinmails.contacts.imports.max-csv-bytes", Long.toString(MAX_CSV));
    }

    @Test
    void raggedRowsAndAnUnclosedQuoteFailTheirRowsOnly() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String csv = "email,first name\n"
                + "a@example.com,Ann\n"
                + "b@example.com,Bea,extra\n"
                + "c@example.com\n"
                + "d@example.com,Dee\n"
                + "e@example.com,\"Eve\n"
                + "f@example.com,Fay\n";
        JsonNode done = importFile(owner, ws, "csv", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("created").asLong()).isEqualTo(2);
        assertThat(done.path("failed").asLong()).as("two ragged rows, one swallowed by its quote").isEqualTo(3);
        assertThat(emails(owner, ws)).containsExactly("a@example.com", "d@example.com");
        String report = report(owner, ws, done.path("id").asText());
        assertThat(report).contains("3,,the row has 3 cells where the header has 2")
                .contains("4,,the row has 1 cells where the header has 2")
                .contains("6,,the row column 2 holds a line break");
    }

    @Test
    void latin1Utf16AndBomFilesAreReadAsTheText() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String text = "email;first name\njose@example.com;José Müller\n";
        assertThat(importFile(owner, ws, "csv", text.getBytes(StandardCharsets.ISO_8859_1), "")
                .path("created").asLong()).isEqualTo(1);
        assertThat(firstNames(owner, ws)).containsExactly("José Müller");

        String ws2 = workspace();
        Caller owner2 = Caller.owner(ws2);
        assertThat(importFile(owner2, ws2, "csv", bom(new byte[]{(byte) 0xFF, (byte) 0xFE},
                "email\tfirst name\nzoë@example.com\tZoë\n", StandardCharsets.UTF_16LE), "").path("created").asLong())
                .isEqualTo(1);
        assertThat(importFile(owner2, ws2, "csv", bom(new byte[]{(byte) 0xFE, (byte) 0xFF},
                "email|first name\nyan@example.com|Yán\n", StandardCharsets.UTF_16BE), "").path("created").asLong())
                .isEqualTo(1);
        assertThat(importFile(owner2, ws2, "csv", bom(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Email,First Name\nxia@example.com,Xiá\n", StandardCharsets.UTF_8), "").path("created").asLong())
                .as("a UTF-8 BOM is not part of the first header").isEqualTo(1);
        assertThat(firstNames(owner2, ws2)).containsExactlyInAnyOrder("Zoë", "Yán", "Xiá");
    }

    @Test
    void emptyHeaderOnlyAndNonCsvFilesFailAsFiles() throws IOException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertFailed(importFile(owner, ws, "csv", new byte[0], ""), "empty-file");
        assertFailed(importFile(owner, ws, "csv", "\n\n".getBytes(StandardCharsets.UTF_8), ""), "empty-file");
        assertFailed(importFile(owner, ws, "csv", "email,name\n".getBytes(StandardCharsets.UTF_8), ""), "no-rows");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        JsonNode notCsv = importFile(owner, ws, "csv", png, "");
        assertFailed(notCsv, "not-csv");
        assertThat(notCsv.path("reason").asText()).contains("PNG");
        assertFailed(importFile(owner, ws, "csv", zip(), ""), "not-csv");
        assertFailed(importFile(owner, ws, "xlsx", "email\na@example.com\n".getBytes(StandardCharsets.UTF_8), ""),
                "not-xlsx");
        assertFailed(importFile(owner, ws, "csv", "name,company\nAnn,Acme\n".getBytes(StandardCharsets.UTF_8), ""),
                "no-email-column");
        assertThat(emails(owner, ws)).isEmpty();
        assertThat(published("contact.import.failed", ws)).hasSize(7);
    }

    @Test
    void duplicateHeadersFailTheFileBeforeAnyRow() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        JsonNode done = importFile(owner, ws, "csv", "email,E-mail,name\na@example.com,b@example.com,Ann\n"
                .getBytes(StandardCharsets.UTF_8), "");
        assertFailed(done, "duplicate-columns");
        assertThat(done.path("reason").asText()).contains("Columns 1 (email) and 2 (E-mail) both fill email");
        assertThat(emails(owner, ws)).isEmpty();
    }

    @Test
    void aOneMegabyteCellFailsItsRowAndTheOthersGoIn() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String huge = "x".repeat(1024 * 1024);
        String csv = "email,first name\nbig@example.com,\"" + huge + "\"\nsmall@example.com,Sam\n";
        JsonNode done = importFile(owner, ws, "csv", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("failed").asLong()).isEqualTo(1);
        assertThat(emails(owner, ws)).containsExactly("small@example.com");
        assertThat(report(owner, ws, done.path("id").asText())).contains("2,first name,must be at most 100 characters");
    }

    @Test
    void aFileOverTheLimitFailsAfterItsUpload() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        byte[] big = ("email\n" + "a@example.com\n".repeat((int) (MAX_CSV / 14) + 10)).getBytes(StandardCharsets.UTF_8);
        // Declared within the limit, uploaded larger: S3 would refuse the PUT (its length is signed); the worker
        // checks the object's own size anyway.
        var started = start(owner, ws, "{\"format\":\"csv\",\"sizeBytes\":1000}");
        upload(started.json().path("upload"), big);
        drain();
        JsonNode done = poll(owner, ws, started.json().path("contactImport").path("id").asText());
        assertFailed(done, "file-too-large");
        assertThat(emails(owner, ws)).isEmpty();
    }

    @Test
    void formulaCellsAreEscapedInTheReport() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        String csv = "email,first name,=cmd|' /C calc'!A0\n=1+2,Ann,x\n+SUM(A1),Bob,y\n-3,Cy,z\n@A1,Di,w\n";
        JsonNode done = importFile(owner, ws, "csv", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(done.path("failed").asLong()).isEqualTo(4);
        String report = report(owner, ws, done.path("id").asText());
        for (String line : report.split("\r?\n")) {
            for (String cell : line.split(",")) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(value).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
                assertThat(value.startsWith("-") && !value.startsWith("-3")).isFalse();
            }
        }
        assertThat(done.path("ignoredColumns").get(0).asText()).startsWith("=cmd");
    }

    @Test
    void anXlsxSheetIsChosenByName() throws IOException {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        byte[] xlsx = workbook();
        JsonNode leads = importFile(owner, ws, "xlsx", xlsx, "\"sheet\":\"Leads\"");
        assertThat(leads.path("state").asText()).as(leads.toString()).isEqualTo("completed");
        assertThat(leads.path("created").asLong()).isEqualTo(2);
        assertThat(leads.path("failed").asLong()).isEqualTo(1);
        assertThat(emails(owner, ws)).containsExactly("una@example.com", "vic@example.com");
        assertThat(allContacts(owner, ws).get(0).path("phone").asText()).isEqualTo("+5511987654321");
        assertThat(report(owner, ws, leads.path("id").asText())).contains("4,Email,");
        assertFailed(importFile(owner, ws, "xlsx", xlsx, ""), "no-email-column");
        JsonNode unknown = importFile(owner, ws, "xlsx", xlsx, "\"sheet\":\"Nope\"");
        assertFailed(unknown, "unknown-sheet");
        assertThat(unknown.path("reason").asText()).contains("Notes").contains("Leads");
    }

    private static void assertFailed(JsonNode done, String problem) {
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("failed");
        assertThat(done.path("problem").asText()).as(done.toString()).isEqualTo(problem);
        assertThat(done.path("reason").asText()).isNotBlank();
    }

    private List<String> emails(Caller owner, String ws) {
        return allContacts(owner, ws).stream().map(c -> c.path("email").asText()).toList();
    }

    private List<String> firstNames(Caller owner, String ws) {
        return allContacts(owner, ws).stream().map(c -> c.path("firstName").asText()).toList();
    }

    private static byte[] bom(byte[] bom, String text, Charset charset) {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("leads.csv"));
            zip.write("email\na@example.com\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Two sheets: Notes (first, no email column) and Leads. */
    private static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet notes = wb.newWorksheet("Notes");
        notes.value(0, 0, "Remember");
        notes.value(1, 0, "call Una on Monday");
        Worksheet leads = wb.newWorksheet("Leads");
        leads.value(0, 0, "Email");
        leads.value(0, 1, "Name");
        leads.value(0, 2, "Phone");
        leads.value(1, 0, "una@example.com");
        leads.value(1, 1, "Una");
        leads.value(1, 2, "+55 11 98765-4321");
        leads.value(2, 0, "vic@example.com");
        leads.value(2, 1, "Vic");
        leads.value(3, 0, "not an address");
        leads.value(3, 1, "Wes");
        wb.finish();
        return out.toByteArray();
    }
}

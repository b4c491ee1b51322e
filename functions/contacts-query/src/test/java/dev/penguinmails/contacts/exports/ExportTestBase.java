package dev.penguinmails.contacts.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.penguinmails.contacts.query.Caller;
import dev.penguinmails.contacts.query.QueryApiTest;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.PenguinMailsTopology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Exports through the real handler and the real {@code contacts-exports} consumer, the file read back through S3. */
abstract class ExportTestBase extends QueryApiTest {

    static String exports(String workspaceId) {
        return "/v1/workspaces/" + workspaceId + "/contact-exports";
    }

    /** Runs the consumer over everything on the exports queue; how many messages failed. */
    int runExports() {
        return drain(PenguinMailsTopology.CONTACTS_EXPORTS, new ExportConsumer(context)::execute);
    }

    /** Creates an export, runs it to its end and answers the completed export. */
    JsonNode export(Caller caller, String body) {
        Reply created = http.post(exports(caller.workspaceId()), body, caller.headers());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.text("state")).isEqualTo("queued");
        assertThat(runExports()).as("consumer failures").isZero();
        Reply done = http.get(exports(caller.workspaceId()) + "/" + created.text("id"), caller.headers());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.text("state")).as(done.body()).isEqualTo("completed");
        return done.json();
    }

    /** The rows of a completed export's file, header first, fetched through its presigned URL without credentials. */
    static List<List<String>> download(JsonNode export) {
        String url = export.get("download").get("url").asText();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("presigned GET").isEqualTo(200);
            byte[] bytes = response.body();
            assertThat(bytes).as("a UTF-8 byte order mark").startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            List<List<String>> rows = new ArrayList<>();
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
                reader.forEach(r -> rows.add(r.getFields()));
            }
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One column of the data rows, by its header. */
    static List<String> column(List<List<String>> rows, String header) {
        int at = rows.get(0).indexOf(header);
        assertThat(at).as("column " + header + " in " + rows.get(0)).isNotNegative();
        return rows.subList(1, rows.size()).stream().map(r -> r.get(at)).toList();
    }
}

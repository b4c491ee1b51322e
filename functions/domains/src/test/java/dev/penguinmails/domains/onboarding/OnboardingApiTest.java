package dev.penguinmails.domains.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bulk onboarding through the real handler and the real queue consumer: a domains file with broken rows among good
 * ones, a mailboxes file with live logins against GreenMail (one with a wrong password), files refused whole at
 * submission, and tenancy on every route.
 */
@MicronautTest
@Tag("integration")
class OnboardingApiTest extends OnboardingApiTestBase {
    private static final String PASSWORD = "Gr33nMail-s3cret";
    private static final String WRONG = "not-the-Pa55word";

    private GreenMail greenMail;

    @Override
    protected Map<String, String> moreProperties() {
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()})
                .withConfiguration(GreenMailConfiguration.aConfig());
        greenMail.start();
        return Map.of("penguinmails.outbound.local-targets", "true",
                "penguinmails.mailboxes.connect-timeout", "1s",
                "penguinmails.mailboxes.read-timeout", "2s",
                "penguinmails.onboarding.max-rows", "50",
                // Two mailboxes on the free plan, so the file's third good mailbox meets the plan's limit.
                "penguinmails.domains.plan-limits.default-mailboxes", "2");
    }

    @AfterAll
    void stop() {
        greenMail.stop();
    }

    @Test
    void aDomainsFileWithBrokenRowsAddsEveryGoodRowAndReportsEachBrokenOne() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(Caller.owner(other), other, "shared-brand.com").status()).isEqualTo(201);
        assertThat(add(owner, ws, "existing.com").status()).isEqualTo(201);
        assertThat(add(Caller.owner(other), other, "verified-brand.com").status()).isEqualTo(201);
        publishAsPrinted(Caller.owner(other), other, "verified-brand.com", List.of());
        assertThat(verify(Caller.owner(other), other, "verified-brand.com").json().at("/domain/status").asText())
                .isEqualTo("verified");
        Map<String, AttributeValue> othersDomain = domainItem(other, "shared-brand.com");
        Map<String, AttributeValue> othersVerified = domainItem(other, "verified-brand.com");
        String csv = String.join("\n",
                "Domain",                       // line 1: the header, matched without case
                "outreach.acme.com",            // 2: added
                "not a domain!",                // 3: invalid name
                "co.uk",                        // 4: a public suffix
                "Outreach.ACME.com.",           // 5: the same name as line 2
                "bücher.de",                    // 6: added as xn--bcher-kva.de
                "shared-brand.com",             // 7: another workspace has only added it: added
                "verified-brand.com",           // 8: another workspace has verified it: refused as the single add is
                "existing.com",                 // 9: the workspace has it: skipped
                "penguinmails.dev",             // 10: ours
                "\"a.com\",b.com",              // 11: two fields under one column
                "",                             // 12: a blank line is no row
                ",",                            // 13: nor are empty cells
                "\"quoted",                     // 14-15: a quoted field over two lines
                "multi.com\"",
                "last.example.org") + "\n";     // 16: added

        Reply submitted = submit(owner, ws, "domains", csv);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String jobId = submitted.json().get("id").asText();
        assertThat(submitted.header("Location")).hasValue("/v1/workspaces/" + ws + "/onboarding/jobs/" + jobId);
        assertThat(submitted.json().get("status").asText()).isEqualTo("queued");
        assertThat(submitted.json().get("rowsTotal").asInt()).isEqualTo(12);
        assertThat(submitted.json().get("fileName").asText()).isEqualTo("domains.csv");
        assertThat(http.get(domains(ws), owner.headers()).json().get("items")).as("nothing is added in the request")
                .hasSize(1);

        assertThat(deliverAll()).isEqualTo(1);

        JsonNode job = job(owner, ws, jobId);
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("rowsRead").asInt()).isEqualTo(12);
        assertThat(job.get("succeeded").asInt()).isEqualTo(4);
        assertThat(job.get("failed").asInt()).isEqualTo(7);
        assertThat(job.get("skipped").asInt()).isEqualTo(1);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(names(ws)).containsExactlyInAnyOrder("existing.com", "last.example.org", "outreach.acme.com",
                "shared-brand.com", "xn--bcher-kva.de");
        assertThat(published("domain.added", ws)).as("one event per domain, the one added before included").hasSize(5);
        assertThat(domainItem(other, "shared-brand.com")).as("the other workspace's domain is untouched")
                .isEqualTo(othersDomain);
        assertThat(domainItem(other, "verified-brand.com")).isEqualTo(othersVerified);

        JsonNode errors = errors(owner, ws, jobId);
        assertThat(errors).hasSize(8);
        assertRow(errors.get(0), 2, 3, "failed", "validation-failed", "domain", "not a valid");
        assertRow(errors.get(1), 3, 4, "failed", "validation-failed", "domain", "public suffix");
        assertRow(errors.get(2), 4, 5, "failed", "duplicate-row", "domain", "repeats line 2");
        assertThat(errors.get(2).get("key").asText()).isEqualTo("outreach.acme.com");
        assertRow(errors.get(3), 7, 8, "failed", "domain-claimed", "domain",
                "verified-brand.com is verified in another PenguinMails workspace");
        assertThat(errors.get(3).toString()).doesNotContain(other);
        assertRow(errors.get(4), 8, 9, "skipped", "domain-exists", "domain", "has existing.com already");
        assertRow(errors.get(5), 9, 10, "failed", "validation-failed", "domain", "PenguinMails' own domains");
        assertRow(errors.get(6), 10, 11, "failed", "validation-failed", "domain", "has 2 fields where the header names only 1");
        assertRow(errors.get(7), 11, 14, "failed", "validation-failed", "domain", "");

        Reply download = http.get(onboarding(ws) + "/jobs/" + jobId + "/errors?format=csv", owner.headers());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(download.body().lines().toList()).hasSize(9)
                .startsWith("row,line,result,key,column,problem,reason")
                .anySatisfy(l -> assertThat(l).startsWith("4,5,failed,outreach.acme.com,domain,duplicate-row,\"repeats line 2,"));
        assertThat(uploads()).as("the upload is deleted when the job ends").isEmpty();

        Reply listed = http.get(onboarding(ws) + "/jobs", owner.headers());
        assertThat(listed.json().get("items")).hasSize(1);
        assertThat(listed.json().at("/items/0/id").asText()).isEqualTo(jobId);
    }

    @Test
    void aMailboxesFileLogsInRowByRowAndAWrongPasswordFailsOnlyItsRowWithoutKeepingAnyPassword() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        assertThat(add(owner, ws, "acme.com").status()).isEqualTo(201);
        for (String local : List.of("ana", "bo", "dee", "ed", "fay", "gus")) {
            greenMail.setUser(local + "@acme.com", local + "@acme.com", PASSWORD);
        }
        String csv = "address,display_name,daily_limit,smtp_host,smtp_port,smtp_security,smtp_password,"
                + "imap_host,imap_port,imap_security,imap_password\n"
                + row("ana@acme.com", "Ana Souza", "40", PASSWORD)
                + row("bo@acme.com", "Bo", "", WRONG)
                + row("cy@elsewhere.com", "Cy", "", PASSWORD)
                + row("dee@acme.com", "Dee", "lots", PASSWORD)
                + row("ed@acme.com", "Ed", "5000", PASSWORD)
                + row("fay@acme.com", "Fay", "", PASSWORD)
                + row("gus@acme.com", "Gus", "", PASSWORD);

        Reply submitted = submit(owner, ws, "mailboxes", csv);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String jobId = submitted.json().get("id").asText();
        assertThat(uploads()).as("the stored file is sealed").hasSize(1)
                .allSatisfy(u -> assertThat(u).doesNotContain(PASSWORD).doesNotContain("ana@acme.com"));

        deliverAll();

        JsonNode job = job(owner, ws, jobId);
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(List.of(job.get("succeeded").asInt(), job.get("failed").asInt(), job.get("skipped").asInt()))
                .containsExactly(2, 5, 0);
        JsonNode mailboxes = http.get("/v1/workspaces/" + ws + "/mailboxes", owner.headers()).json().get("items");
        assertThat(mailboxes).extracting(m -> m.get("address").asText())
                .containsExactlyInAnyOrder("ana@acme.com", "fay@acme.com");
        JsonNode ana = mailboxes.get(0).get("address").asText().equals("ana@acme.com") ? mailboxes.get(0) : mailboxes.get(1);
        assertThat(ana.get("displayName").asText()).isEqualTo("Ana Souza");
        assertThat(ana.get("dailyLimit").asInt()).isEqualTo(40);
        assertThat(published("mailbox.connected", ws)).hasSize(2);

        JsonNode errors = errors(owner, ws, jobId);
        assertThat(errors).hasSize(5);
        assertRow(errors.get(0), 2, 3, "failed", "mailbox-connection-failed", "smtp", "auth-failed");
        assertThat(errors.get(0).at("/errors/1/column").asText()).isEqualTo("imap");
        assertRow(errors.get(1), 3, 4, "failed", "validation-failed", "address", "add the domain first");
        assertRow(errors.get(2), 4, 5, "failed", "validation-failed", "daily_limit", "whole number");
        assertRow(errors.get(3), 5, 6, "failed", "validation-failed", "daily_limit", "at most 1000");
        assertRow(errors.get(4), 7, 8, "failed", "plan-limit", "mailboxes", "limit 2 on the free plan");
        String everything = snapshot().toString() + errors + uploads();
        assertThat(everything).doesNotContain(PASSWORD).doesNotContain(WRONG);
        assertThat(uploads()).isEmpty();

        // The same file again: the connected mailbox is there with these settings, so its row is skipped.
        String again = submit(owner, ws, "mailboxes", csv).json().get("id").asText();
        deliverAll();
        JsonNode second = job(owner, ws, again);
        assertThat(List.of(second.get("succeeded").asInt(), second.get("failed").asInt(), second.get("skipped").asInt()))
                .containsExactly(0, 5, 2);
        assertRow(errors(owner, ws, again).get(0), 1, 2, "skipped", "mailbox-exists", "address", "with these settings");
        assertThat(published("mailbox.connected", ws)).hasSize(2);
    }

    @Test
    void aFileThatCannotBeAJobIsRefusedWholeAndNothingIsKeptOrQueued() throws Exception {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        var before = snapshot();

        assertRefused(submit(owner, ws, "domains", ""), 400, "bad-request", "A request body is required");
        assertRefused(submit(owner, ws, "domains", " \n\n"), 400, "invalid-csv", "empty");
        assertRefused(submit(owner, ws, "domains", "domain\n"), 400, "invalid-csv", "no rows");
        assertRefused(submit(owner, ws, "domains", "\n\n,\n"), 400, "invalid-csv", "empty");
        assertRefused(submit(owner, ws, "domains", ",\n\ndomain\n,,\n"), 400, "invalid-csv", "no rows");
        Reply unknown = submit(owner, ws, "domains", "domain,mx_host\nacme.com,mx.acme.com\n");
        assertRefused(unknown, 400, "invalid-csv", "header");
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("header[1]");
        assertThat(unknown.json().at("/errors/0/message").asText()).contains("'mx_host' is not a column");
        assertRefused(submit(owner, ws, "mailboxes", "display_name,smtp_host\nAna,smtp.acme.com\n"), 400, "invalid-csv",
                "header");
        assertRefused(submit(owner, ws, "domains", "domain,Domain\na.com,a.com\n"), 400, "invalid-csv", "header");
        assertRefused(submit(owner, ws, "domains", "domain\n" + "x.com\n".repeat(51)), 413, "payload-too-large",
                "at most 50");
        assertRefused(raw(owner, ws, new byte[] {'d', 'o', 'm', 'a', 'i', 'n', '\n', (byte) 0xC3, (byte) 0x28, '\n'}),
                400, "invalid-csv", "not UTF-8");
        assertRefused(raw(owner, ws, new byte[] {'d', 'o', 'm', 'a', 'i', 'n', '\n', 'a', 0, 'b', '\n'}), 400,
                "invalid-csv", "binary");
        Reply json = http.send("POST", onboarding(ws) + "/domains", "{\"domain\":\"acme.com\"}",
                concat(owner.headers(), "Content-Type", "application/json"));
        assertThat(json.status()).as(json.body()).isEqualTo(415);
        assertThat(json.header("Content-Type").orElseThrow()).startsWith("application/problem+json");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(queued()).isZero();
        assertThat(uploads()).isEmpty();
    }

    @Test
    void anotherWorkspaceCannotSeeAJobAndOnlyWritersSubmit() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        Caller stranger = Caller.owner(other);
        String jobId = submit(owner, ws, "domains", "domain\nacme.com\nco.uk\n").json().get("id").asText();
        deliverAll();
        var before = snapshot();

        assertThat(http.get(onboarding(other) + "/jobs/" + jobId, stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(onboarding(other) + "/jobs/" + jobId + "/errors", stranger.headers()).status()).isEqualTo(404);
        assertThat(http.get(onboarding(other) + "/jobs/" + jobId + "/errors?format=csv", stranger.headers()).status())
                .isEqualTo(404);
        assertThat(http.get(onboarding(other) + "/jobs", stranger.headers()).json().get("items")).isEmpty();
        assertThat(http.get(onboarding(ws) + "/jobs/" + jobId, stranger.headers()).status()).isIn(403, 404);
        assertThat(http.get(onboarding(ws) + "/jobs", stranger.headers()).status()).isIn(403, 404);
        assertThat(submit(stranger, ws, "domains", "domain\nstolen.com\n").status()).isIn(403, 404);
        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(submit(viewer, ws, "domains", "domain\nviewer.com\n").status()).isEqualTo(403);
        assertThat(submit(viewer, ws, "mailboxes", "address\nana@acme.com\n").status()).isEqualTo(403);
        assertThat(http.get(onboarding(ws) + "/jobs/not-a-job", owner.headers()).status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(queued()).isZero();

        assertThat(job(viewer, ws, jobId).get("succeeded").asInt()).as("every role reads jobs").isEqualTo(1);
        assertThat(errors(viewer, ws, jobId)).hasSize(1);
    }

    private static void assertRow(JsonNode row, int index, int line, String result, String problem, String column,
                                  String reason) {
        assertThat(row.get("row").asInt()).as(row.toString()).isEqualTo(index);
        assertThat(row.get("line").asInt()).as(row.toString()).isEqualTo(line);
        assertThat(row.get("result").asText()).as(row.toString()).isEqualTo(result);
        assertThat(row.get("problem").asText()).as(row.toString()).isEqualTo(problem);
        assertThat(row.at("/errors/0/column").asText()).as(row.toString()).isEqualTo(column);
        assertThat(row.at("/errors/0/reason").asText()).as(row.toString()).contains(reason);
    }

    private static void assertRefused(Reply reply, int status, String slug, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.problemSlug()).as(reply.body()).isEqualTo(slug);
        assertThat(reply.json().get("detail").asText()).as(reply.body()).contains(detail);
    }

    private String row(String address, String name, String limit, String password) {
        return String.join(",", address, name, limit, "127.0.0.1", Integer.toString(greenMail.getSmtp().getPort()),
                "none", password, "127.0.0.1", Integer.toString(greenMail.getImap().getPort()), "none", password) + "\n";
    }

    private List<String> names(String ws) {
        List<String> names = new ArrayList<>();
        http.get(domains(ws), Caller.owner(ws).headers()).json().get("items").forEach(d -> names.add(d.get("name").asText()));
        return names;
    }

    private Map<String, AttributeValue> domainItem(String ws, String name) {
        return dynamo().getItem(r -> r.tableName(table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("WS#" + ws + "#DOMAINS"), "sk", AttributeValue.fromS(name)))).item();
    }

    /** Bytes as they are, which the text helper would re-encode. */
    private Reply raw(Caller caller, String ws, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + onboarding(ws) + "/domains"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "text/csv");
        String[] headers = caller.headers();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }
}

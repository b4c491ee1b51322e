package dev.penguinmails.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.contacts.Caller;
import dev.penguinmails.emulators.DnsRecord;
import dev.penguinmails.emulators.LocalDns;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The optional MX check of imports, against a real DNS server on loopback. */
@MicronautTest
@Tag("integration")
class ImportMxCheckTest extends ImportTestBase {
    private static final String CSV = """
            email,firstName
            ana@mx-ok.io,Ana
            bo@null-mx.io,Bo
            cy@missing.mx-ok.io,Cy
            dee@outside-every-zone.io,Dee
            """;
    private LocalDns dns;

    @Override
    protected Map<String, String> extraProperties() {
        dns = LocalDns.start();
        dns.publish("mx-ok.io", List.of(DnsRecord.mx("mx-ok.io", 10, "mail.mx-ok.io")));
        dns.publish("null-mx.io", List.of(DnsRecord.mx("null-mx.io", 0, ".")));
        return Map.of("penguinmails.dns.resolvers", dns.resolverAddress(), "penguinmails.dns.timeout", "500ms");
    }

    @AfterAll
    void stopDns() {
        dns.close();
    }

    @Test
    void withTheCheckRowsWhoseDomainTakesNoMailOrDoesNotExistFailAndAnUnansweredLookupFailsNone() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);

        JsonNode done = importFile(owner, ws, "csv", CSV.getBytes(StandardCharsets.UTF_8), "\"checkMx\":true");

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("checkMx").asBoolean()).isTrue();
        assertThat(done.path("created").asLong()).as("the MX domain, and the one DNS refused to answer for").isEqualTo(2);
        assertThat(done.path("failed").asLong()).isEqualTo(2);
        assertThat(allContacts(owner, ws)).extracting(c -> c.path("email").asText())
                .containsExactlyInAnyOrder("ana@mx-ok.io", "dee@outside-every-zone.io");
        String report = report(owner, ws, done.path("id").asText());
        assertThat(report).contains("3,email,\"its domain null-mx.io takes no mail")
                .contains("4,email,its domain missing.mx-ok.io does not exist");
    }

    @Test
    void withoutTheCheckEveryValidAddressIsImported() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);

        JsonNode done = importFile(owner, ws, "csv", CSV.getBytes(StandardCharsets.UTF_8), "");

        assertThat(done.path("checkMx").asBoolean()).isFalse();
        assertThat(done.path("created").asLong()).isEqualTo(4);
        assertThat(done.path("failed").asLong()).isZero();
    }
}

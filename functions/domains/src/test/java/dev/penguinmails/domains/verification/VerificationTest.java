package dev.penguinmails.domains.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DnsApiTest;
import dev.penguinmails.emulators.DnsRecord;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Verification against a real DNS server on loopback (the local stack's), asked through two resolver addresses so
 * propagation is measured: each test publishes its own zones and checks what the API answers, what the domain
 * becomes and which events it publishes.
 */
@MicronautTest
@Tag("integration")
class VerificationTest extends DnsApiTest {
    @Test
    void aDomainThatPublishesWhatWePrintVerifiesAndMaySend() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "acme.com");
        publishAsPrinted(owner, ws, "acme.com", List.of());

        Reply verified = verify(owner, ws, "acme.com");

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode body = verified.json();
        assertThat(body.get("outcome").asText()).isEqualTo("passed");
        assertThat(body.at("/domain/status").asText()).isEqualTo("verified");
        assertThat(body.at("/domain/eligibleForSending").asBoolean()).isTrue();
        assertThat(body.get("checks")).allSatisfy(c -> assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("ok"));
        assertThat(check(body, "dkim").get("seenByResolvers").asInt()).isEqualTo(2);
        assertThat(check(body, "dkim").get("resolversAsked").asInt()).isEqualTo(2);
        assertThat(body.get("dnsQueries").asLong()).isPositive();
        assertThat(published("domain.verified", ws)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("\"eligibleForSending\":true").contains("\"dkimPrivateKeySealed\":\"pm1.")
                .contains("\"returnPathDomain\":\"bounces.acme.com\""));
        // Verifying again changes nothing and announces nothing.
        verify(owner, ws, "acme.com");
        assertThat(published("domain.verified", ws)).hasSize(1);
    }

    @Test
    void nothingPublishedFailsWithAFixForEachRecordAndIsAnnouncedOnce() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "bare.com");
        dns.publish("bare.com", List.of(DnsRecord.a("bare.com", "192.0.2.50")));

        JsonNode body = verify(owner, ws, "bare.com").json();

        assertThat(body.get("outcome").asText()).isEqualTo("failed");
        assertThat(body.at("/domain/status").asText()).isEqualTo("failed");
        for (String purpose : List.of("spf", "dkim", "dmarc", "return-path-mx")) {
            JsonNode check = check(body, purpose);
            assertThat(check.get("status").asText()).as(purpose).isEqualTo("missing");
            assertThat(check.get("fix").asText()).as(purpose).startsWith("Publish");
        }
        verify(owner, ws, "bare.com");
        assertThat(published("domain.failed", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("dkim pm1._domainkey.bare.com: missing"));
    }

    @Test
    void brokenSpfSetupsAreRefusedEachForItsOwnReason() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        Map<String, String> setups = Map.of(
                "two-spf.com", "MULTIPLE_RECORDS",
                "many-lookups.com", "lookups",
                "void-lookups.com", "exist",
                "loop.com", "loop",
                "open.com", "+all");
        for (String domain : setups.keySet()) {
            add(owner, ws, domain);
            List<DnsRecord> extra = new ArrayList<>();
            switch (domain) {
                case "two-spf.com" -> extra.add(DnsRecord.txt(domain, "v=spf1 include:" + OUR_SPF + " -all"));
                case "many-lookups.com" -> {
                    StringBuilder spf = new StringBuilder("v=spf1 include:" + OUR_SPF);
                    IntStream.rangeClosed(1, 10).forEach(i -> {
                        spf.append(" include:s").append(i).append(".many-lookups.com");
                        extra.add(DnsRecord.txt("s" + i + ".many-lookups.com", "v=spf1 ip4:198.51.100." + i + " -all"));
                    });
                    String record = spf + " ~all";
                    int cut = record.indexOf(' ', 200);
                    extra.add(DnsRecord.txt(domain, record.substring(0, cut), record.substring(cut)));
                }
                case "void-lookups.com" -> extra.add(DnsRecord.txt(domain, "v=spf1 include:" + OUR_SPF
                        + " a:x1.void-lookups.com a:x2.void-lookups.com a:x3.void-lookups.com ~all"));
                case "loop.com" -> {
                    extra.add(DnsRecord.txt(domain, "v=spf1 include:" + OUR_SPF + " include:a.loop.com ~all"));
                    extra.add(DnsRecord.txt("a.loop.com", "v=spf1 include:loop.com ~all"));
                }
                default -> extra.add(DnsRecord.txt(domain, "v=spf1 include:" + OUR_SPF + " +all"));
            }
            publishAsPrinted(owner, ws, domain, extra);

            JsonNode spf = check(verify(owner, ws, domain).json(), "spf");
            assertThat(spf.get("status").asText()).as(domain + ": " + spf).isEqualTo("invalid");
            assertThat(spf.get("findings").toString() + spf.get("fix").asText()).as(domain)
                    .containsIgnoringCase(setups.get(domain).equals("MULTIPLE_RECORDS") ? "one" : setups.get(domain));
            assertThat(get(owner, ws, "/" + domain).json().get("status").asText()).isEqualTo("failed");
        }
    }

    @Test
    void anotherKeyAtOurSelectorIsAMismatch() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "other-key.com");
        String foreign = "v=DKIM1; k=rsa; p=" + java.util.Base64.getEncoder().encodeToString(
                dev.penguinmails.domains.dkim.DkimKeys.generateRsa().getPublic().getEncoded());
        publishAsPrinted(owner, ws, "other-key.com", List.of(DnsRecord.txt("pm1._domainkey.other-key.com",
                foreign.substring(0, 200), foreign.substring(200))));

        JsonNode dkim = check(verify(owner, ws, "other-key.com").json(), "dkim");
        assertThat(dkim.get("status").asText()).as(dkim.toString()).isEqualTo("mismatch");
        assertThat(dkim.get("expected").asText()).isNotEqualTo(dkim.get("actual").get(0).asText());
    }

    @Test
    void aVerifiedDomainThatLosesItsDkimRecordIsDegradedAndRecoversWhenItIsBack() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "fragile.com");
        List<DnsRecord> published = publishAsPrinted(owner, ws, "fragile.com", List.of());
        assertThat(verify(owner, ws, "fragile.com").json().at("/domain/status").asText()).isEqualTo("verified");

        dns.publish("fragile.com", published.stream().filter(r -> !r.name().startsWith("pm1._domainkey")).toList());
        JsonNode degraded = verify(owner, ws, "fragile.com").json();
        assertThat(degraded.at("/domain/status").asText()).isEqualTo("degraded");
        assertThat(degraded.at("/domain/eligibleForSending").asBoolean()).isFalse();
        assertThat(published("domain.degraded", ws)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("\"eligibleForSending\":false"));

        dns.publish("fragile.com", published);
        assertThat(verify(owner, ws, "fragile.com").json().at("/domain/status").asText()).isEqualTo("verified");
        assertThat(published("domain.verified", ws)).hasSize(2);
    }

    @Test
    void whenDnsDoesNotAnswerNothingChanges() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "no-zone-here.com");

        JsonNode body = verify(owner, ws, "no-zone-here.com").json();

        assertThat(body.get("outcome").asText()).isEqualTo("unknown");
        assertThat(check(body, "dkim").get("status").asText()).isEqualTo("unknown");
        assertThat(body.at("/domain/status").asText()).isEqualTo("pending");
        assertThat(published("domain.failed", ws)).isEmpty();
    }

    @Test
    void anExistingSpfRecordIsMergedNeverDuplicatedAndTheZoneSnippetIsReadyToPaste() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "has-spf.com");
        dns.publish("has-spf.com", List.of(DnsRecord.txt("has-spf.com", "v=spf1 include:mail.has-spf.com -all"),
                DnsRecord.txt("mail.has-spf.com", "v=spf1 ip4:203.0.113.0/24 -all")));

        JsonNode spf = record(get(owner, ws, "/has-spf.com/records").json(), "spf");
        assertThat(spf.at("/record/values/0").asText())
                .isEqualTo("v=spf1 include:mail.has-spf.com include:" + OUR_SPF + " -all");
        assertThat(spf.get("note").asText()).contains("Replace your SPF record");

        Reply bind = get(owner, ws, "/has-spf.com/records?format=bind");
        assertThat(bind.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(bind.body()).startsWith("$ORIGIN has-spf.com.\n")
                .contains("pm1._domainkey\t3600\tIN\tTXT\t(")
                .contains("_dmarc\t3600\tIN\tTXT\t\"v=DMARC1; p=none; rua=mailto:");
    }

}

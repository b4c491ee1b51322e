package dev.penguinmails.domains.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.domains.Caller;
import dev.penguinmails.domains.DnsApiTest;
import dev.penguinmails.domains.verification.Reverification;
import dev.penguinmails.emulators.DnsRecord;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Blacklist checks and the health score against real DNS on loopback: each test class publishes its own DNSBL zone
 * ({@value #IP_ZONE}) and RHSBL zone ({@value #DOMAIN_ZONE}) and configures them, beside a zone nobody serves
 * ({@value #SILENT_ZONE}, refused by the server). The platform sends from 127.0.0.2, the address every DNSBL lists
 * for testing (RFC 5782), and 192.0.2.1, which is clean.
 */
@MicronautTest
@Tag("integration")
class HealthApiTest extends DnsApiTest {
    static final String IP_ZONE = "bl.example-dnsbl.test";
    static final String SILENT_ZONE = "silent.example-dnsbl.test";
    static final String DOMAIN_ZONE = "dbl.example-rhsbl.test";
    /** 2001:db8::1 in the nibble form of RFC 5782 §2.4, written out here rather than computed. */
    static final String IPV6_NAME = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2." + IP_ZONE;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("penguinmails.blacklists.ip-zones", IP_ZONE + "," + SILENT_ZONE,
                "penguinmails.blacklists.domain-zones", DOMAIN_ZONE,
                "penguinmails.blacklists.sending-ips", "127.0.0.2,192.0.2.1",
                "penguinmails.blacklists.timeout", "1s");
    }

    @BeforeEach
    void lists() {
        dns.publish(IP_ZONE, List.of(
                DnsRecord.a("2.0.0.127." + IP_ZONE, "127.0.0.2"),
                DnsRecord.txt("2.0.0.127." + IP_ZONE, "Listed for testing, see https://example-dnsbl.test/127.0.0.2"),
                // What Spamhaus answers to a query through a public resolver.
                DnsRecord.a("10.2.0.192." + IP_ZONE, "127.255.255.254"),
                // A resolver that rewrites unknown names to a web server of its own.
                DnsRecord.a("5.2.0.192." + IP_ZONE, "192.0.2.200"),
                DnsRecord.a(IPV6_NAME, "127.0.0.4")));
        dns.publish(DOMAIN_ZONE, List.of(
                DnsRecord.a("listed-domain.com." + DOMAIN_ZONE, "127.0.1.2"),
                DnsRecord.txt("listed-domain.com." + DOMAIN_ZONE, "spam domain"),
                DnsRecord.a("spammy.org." + DOMAIN_ZONE, "127.0.1.2")));
    }

    @Test
    void listedCleanAndUnknownAreToldApartAndKeptWithTheDomain() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "listed-domain.com");
        dns.publish("listed-domain.com", List.of(DnsRecord.txt("listed-domain.com", "v=spf1 ip4:192.0.2.10 ip4:192.0.2.5 "
                + "ip4:198.51.100.0/24 ip6:2001:db8::1 -ip4:192.0.2.66 include:" + OUR_SPF + " ~all")));

        Reply checked = checkBlacklists(owner, ws, "listed-domain.com");

        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        JsonNode blacklists = checked.json().get("blacklists");
        JsonNode listed = listing(blacklists, IP_ZONE, "127.0.0.2");
        assertThat(listed.get("status").asText()).isEqualTo("listed");
        assertThat(listed.get("kind").asText()).isEqualTo("ip");
        assertThat(listed.get("source").asText()).isEqualTo("platform");
        assertThat(listed.get("returnCodes").toString()).isEqualTo("[\"127.0.0.2\"]");
        assertThat(listed.get("reason").asText()).isEqualTo("Listed for testing, see https://example-dnsbl.test/127.0.0.2");
        assertThat(listed.get("hint").asText()).contains("sending-ips");
        JsonNode clean = listing(blacklists, IP_ZONE, "192.0.2.1");
        assertThat(clean.get("status").asText()).isEqualTo("clean");
        assertThat(clean.hasNonNull("hint")).isFalse();
        JsonNode refused = listing(blacklists, IP_ZONE, "192.0.2.10");
        assertThat(refused.get("status").asText()).isEqualTo("unknown");
        assertThat(refused.get("source").asText()).isEqualTo("spf");
        assertThat(refused.get("returnCodes").toString()).isEqualTo("[\"127.255.255.254\"]");
        assertThat(refused.get("hint").asText()).contains("refused the query");
        assertThat(listing(blacklists, IP_ZONE, "192.0.2.5").get("status").asText()).isEqualTo("unknown");
        JsonNode ipv6 = listing(blacklists, IP_ZONE, "2001:db8::1");
        assertThat(ipv6.get("status").asText()).isEqualTo("listed");
        assertThat(ipv6.get("hint").asText()).contains("Find and stop the cause");
        for (String ip : List.of("127.0.0.2", "192.0.2.1", "192.0.2.10")) {
            assertThat(listing(blacklists, SILENT_ZONE, ip).get("status").asText()).as(ip).isEqualTo("unknown");
        }
        JsonNode domain = listing(blacklists, DOMAIN_ZONE, "listed-domain.com");
        assertThat(domain.get("status").asText()).isEqualTo("listed");
        assertThat(domain.get("kind").asText()).isEqualTo("domain");
        assertThat(domain.get("reason").asText()).isEqualTo("spam domain");
        // The -ip4 host may not send, so it is not one of the sending addresses; the range is named, not walked.
        assertThat(blacklists.get("listings").toString()).doesNotContain("192.0.2.66");
        assertThat(blacklists.get("notChecked").toString()).contains("ip4:198.51.100.0/24");
        assertThat(blacklists.get("queries").asLong()).isGreaterThanOrEqualTo(blacklists.get("listings").size());

        JsonNode health = checked.json();
        assertThat(health.get("score").asInt()).isEqualTo(100 - lost(health));
        assertThat(health.get("score").asInt()).isZero();
        assertThat(health.get("grade").asText()).isEqualTo("F");
        assertThat(factors(health, "blacklist")).hasSize(3);
        assertThat(factors(health, "dns")).singleElement().satisfies(f -> assertThat(f.get("pointsLost").asInt()).isEqualTo(60));
        assertThat(factors(health, "bounce-rate")).singleElement()
                .satisfies(f -> assertThat(f.get("status").asText()).isEqualTo("not-measured"));

        // What was checked is kept with the domain and read back without asking DNS again.
        dns.remove(IP_ZONE);
        JsonNode read = get(owner, ws, "/listed-domain.com/health").json();
        assertThat(read.get("blacklists")).isEqualTo(blacklists);
        assertThat(read.get("score").asInt()).isEqualTo(health.get("score").asInt());
    }

    @Test
    void verificationKeepsItsSummaryAndChecksBlacklistsAtMostEveryCheckAfter() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "clean.com");
        publishAsPrinted(owner, ws, "clean.com", List.of());
        assertThat(get(owner, ws, "/clean.com/health").json().hasNonNull("blacklists")).isFalse();

        assertThat(verify(owner, ws, "clean.com").json().get("outcome").asText()).isEqualTo("passed");

        JsonNode health = get(owner, ws, "/clean.com/health").json();
        assertThat(health.at("/dns/outcome").asText()).isEqualTo("passed");
        for (String factor : List.of("spf", "dkim", "dmarc", "return-path-mx", "return-path-spf", "tracking")) {
            assertThat(factors(health, factor)).as(factor).singleElement()
                    .satisfies(f -> assertThat(f.get("status").asText()).isEqualTo("ok"));
        }
        // Only the platform's listed test address costs points: 15 for a listed address.
        assertThat(health.get("score").asInt()).as(health.toString()).isEqualTo(85);
        assertThat(health.get("grade").asText()).isEqualTo("B");
        assertThat(health.get("summary").asText()).startsWith("85/100 (B): blacklist: 127.0.0.2 is listed on " + IP_ZONE);
        String blacklistsChecked = health.at("/blacklists/checkedAt").asText();
        assertThat(blacklistsChecked).isNotEmpty();

        // Verifying again refreshes the DNS summary, but the lists were asked less than check-after ago.
        verify(owner, ws, "clean.com");
        JsonNode again = get(owner, ws, "/clean.com/health").json();
        assertThat(again.at("/dns/checkedAt").asText()).isNotEqualTo(health.at("/dns/checkedAt").asText());
        assertThat(again.at("/blacklists/checkedAt").asText()).isEqualTo(blacklistsChecked);

        // A check on demand asks now; a record that breaks shows in the score at the next verification.
        assertThat(checkBlacklists(owner, ws, "clean.com").json().at("/blacklists/checkedAt").asText()).isNotEqualTo(blacklistsChecked);
        dns.publish("clean.com", List.of(DnsRecord.a("clean.com", "192.0.2.50")));
        verify(owner, ws, "clean.com");
        JsonNode broken = get(owner, ws, "/clean.com/health").json();
        assertThat(factors(broken, "spf")).singleElement().satisfies(f -> {
            assertThat(f.get("status").asText()).isEqualTo("problem");
            assertThat(f.get("pointsLost").asInt()).isEqualTo(15);
            assertThat(f.get("hint").asText()).startsWith("Publish a TXT record at clean.com");
        });
        assertThat(broken.get("score").asInt()).isEqualTo(100 - lost(broken)).isLessThan(85);
    }

    @Test
    void aSubdomainIsCheckedWithItsRegistrableDomain() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "news.spammy.org");

        JsonNode blacklists = checkBlacklists(owner, ws, "news.spammy.org").json().get("blacklists");

        assertThat(listing(blacklists, DOMAIN_ZONE, "news.spammy.org").get("status").asText()).isEqualTo("clean");
        assertThat(listing(blacklists, DOMAIN_ZONE, "spammy.org").get("status").asText()).isEqualTo("listed");
        // No SPF record to read: the platform's addresses only.
        assertThat(blacklists.get("listings")).hasSize(2 * 2 + 2);
    }

    @Test
    void theScheduledReverificationKeepsTheSummaryAndTheBlacklists() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "scheduled.com");
        publishAsPrinted(owner, ws, "scheduled.com", List.of());

        Reverification.Summary run = context.getBean(Reverification.class).run();

        assertThat(run.checked()).isPositive();
        JsonNode health = get(owner, ws, "/scheduled.com/health").json();
        assertThat(health.at("/dns/outcome").asText()).isEqualTo("passed");
        assertThat(listing(health.get("blacklists"), IP_ZONE, "127.0.0.2").get("status").asText()).isEqualTo("listed");
    }

    @Test
    void anotherWorkspacesDomainIsNotFoundAndNothingChanges() {
        String ws = workspace();
        String other = workspace();
        Caller owner = Caller.owner(ws);
        add(owner, ws, "private.com");
        Caller stranger = Caller.owner(other);
        var before = snapshot();

        assertThat(get(stranger, other, "/private.com/health").status()).isEqualTo(404);
        assertThat(get(stranger, ws, "/private.com/health").status()).isEqualTo(404);
        assertThat(checkBlacklists(stranger, other, "private.com").status()).isEqualTo(404);
        assertThat(checkBlacklists(stranger, ws, "private.com").status()).isEqualTo(404);
        Caller viewer = Caller.of(ws, Role.VIEWER);
        assertThat(get(viewer, ws, "/private.com/health").status()).isEqualTo(200);
        assertThat(checkBlacklists(viewer, ws, "private.com").status()).isEqualTo(403);
        assertThat(checkBlacklists(owner, ws, "nothing-here.com").status()).isEqualTo(404);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(checkBlacklists(owner, ws, "private.com").status()).isEqualTo(200);
        assertThat(snapshot()).isNotEqualTo(before);
    }

    private Reply checkBlacklists(Caller caller, String ws, String domain) {
        return http.post(domains(ws) + "/" + domain + "/blacklists/check", "{}", caller.headers());
    }

    private static JsonNode listing(JsonNode blacklists, String zone, String queried) {
        for (JsonNode l : blacklists.get("listings")) {
            if (l.get("zone").asText().equals(zone) && l.get("queried").asText().equals(queried)) {
                return l;
            }
        }
        throw new AssertionError("no listing of " + queried + " on " + zone + " in " + blacklists);
    }

    private static List<JsonNode> factors(JsonNode health, String factor) {
        List<JsonNode> found = new ArrayList<>();
        health.get("factors").forEach(f -> {
            if (f.get("factor").asText().equals(factor)) {
                found.add(f);
            }
        });
        return found;
    }

    private static int lost(JsonNode health) {
        return StreamSupport.stream(health.get("factors").spliterator(), false).mapToInt(f -> f.get("pointsLost").asInt()).sum();
    }
}

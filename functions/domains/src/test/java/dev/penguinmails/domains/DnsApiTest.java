package dev.penguinmails.domains;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.emulators.DnsRecord;
import dev.penguinmails.emulators.LocalDns;
import dev.penguinmails.testsupport.TestHttp.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * A domains API test with a real DNS server on loopback (the local stack's), asked through two resolver addresses
 * so propagation is measured; tests publish their own zones.
 */
@Tag("integration")
public abstract class DnsApiTest extends DomainsApiTest {
    protected static final String OUR_SPF = "_spf.penguinmails.dev";
    protected LocalDns dns;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(dnsProperties());
        properties.putAll(moreProperties());
        return properties;
    }

    /** Properties a test class adds. */
    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    private Map<String, String> dnsProperties() {
        dns = startDns();
        return Map.of("penguinmails.dns.resolvers", dns.resolverAddress() + "," + dns.resolverAddress(),
                "penguinmails.dns.timeout", "1s");
    }

    /** A DNS server on loopback that knows our own include, which must resolve as it does on the internet. */
    protected static LocalDns startDns() {
        LocalDns server = LocalDns.start();
        server.publish("penguinmails.dev", List.of(DnsRecord.txt(OUR_SPF, "v=spf1 ip4:192.0.2.0/24 -all")));
        return server;
    }

    /** The DNS server's port, for a client of its own (UDP and TCP). */
    protected int dnsPort() {
        return dns.port();
    }

    @AfterAll
    void stopDns() {
        dns.close();
    }

    protected Reply verify(Caller caller, String ws, String domain) {
        return http.post(domains(ws) + "/" + domain + "/verify", "{}", caller.headers());
    }

    /** Publishes every record the API prints for the domain (TXT strings as given), plus {@code extra}. */
    protected List<DnsRecord> publishAsPrinted(Caller caller, String ws, String domain, List<DnsRecord> extra) {
        return publishAsPrinted(dns, caller, ws, domain, extra);
    }

    /** {@link #publishAsPrinted(Caller, String, String, List)} on the DNS server {@code server}. */
    protected List<DnsRecord> publishAsPrinted(LocalDns server, Caller caller, String ws, String domain,
                                               List<DnsRecord> extra) {
        Reply printed = get(caller, ws, "/" + domain + "/records");
        assertThat(printed.status()).as(printed.body()).isEqualTo(200);
        List<DnsRecord> zone = new ArrayList<>(extra);
        for (JsonNode r : printed.json().get("records")) {
            JsonNode rec = r.get("record");
            String name = rec.get("name").asText();
            List<String> values = new ArrayList<>();
            rec.get("values").forEach(v -> values.add(v.asText()));
            // A record the test gives itself replaces the printed one of that name and type (two-spf.com keeps both).
            boolean replaced = extra.stream().anyMatch(e -> e.name().replaceAll("\\.$", "").equals(name)
                    && e.type().name().equals(rec.get("type").asText()));
            if (replaced && !domain.equals("two-spf.com")) {
                continue;
            }
            zone.add(switch (rec.get("type").asText()) {
                case "TXT" -> DnsRecord.txt(name, values.toArray(String[]::new));
                case "MX" -> DnsRecord.mx(name, rec.get("priority").asInt(), values.get(0));
                default -> DnsRecord.cname(name, values.get(0));
            });
        }
        server.publish(domain, zone);
        return zone;
    }

    protected static JsonNode check(JsonNode verification, String purpose) {
        for (JsonNode c : verification.get("checks")) {
            if (c.get("purpose").asText().equals(purpose)) {
                return c;
            }
        }
        throw new AssertionError("no " + purpose + " check in " + verification);
    }

    protected static JsonNode record(JsonNode records, String purpose) {
        for (JsonNode r : records.get("records")) {
            if (r.get("purpose").asText().equals(purpose)) {
                return r;
            }
        }
        throw new AssertionError("no " + purpose + " record in " + records);
    }
}

package dev.penguinmails.local.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.http.GatewayRequest;
import dev.penguinmails.local.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local endpoints refuse requests addressed to another host name, such as a DNS-rebinding web page. */
class AdminEndpointHostTest {
    private final AdminEndpoint admin = new AdminEndpoint(new ObjectMapper(), Map::of, null, null, Map::of,
            Map.of(), Map.of("identity", Map.of("penguinmails.auth.signing-key", "secret")));

    @Test
    void loopbackNamesWithOrWithoutAPortAreServed() {
        for (String host : List.of("127.0.0.1:8080", "localhost", "LOCALHOST:18080", "[::1]:8080", "127.0.0.1")) {
            assertThat(AdminEndpoint.addressedToLoopback(request(host))).as(host).isTrue();
        }
    }

    @Test
    void otherHostNamesAndAMissingHostAreForbiddenAndSeeNoSecret() {
        for (String host : List.of("attacker.example", "attacker.example:8080", "127.0.0.1.attacker.example",
                "localhost.attacker.example", "[::1", "")) {
            HttpReply reply = admin.handle(request(host));

            assertThat(reply.status()).as(host).isEqualTo(403);
            assertThat(new String(reply.body(), StandardCharsets.UTF_8)).as(host).doesNotContain("secret");
        }
    }

    @Test
    void dnsZonesCannotBeRewrittenByAnotherHostName() {
        // Nothing listens on the control URL: a request that got past the check would be a 502, not a 403.
        DnsZonesEndpoint dns = new DnsZonesEndpoint(java.net.URI.create("http://127.0.0.1:9"));
        GatewayRequest put = new GatewayRequest("PUT", "/_local/dns/example.test", "", "HTTP/1.1",
                Map.of("Host", List.of("attacker.example")), "[]".getBytes(StandardCharsets.UTF_8), "127.0.0.1", 8080,
                "req", Instant.now());

        assertThat(dns.handle(put).status()).isEqualTo(403);
    }

    @Test
    void theEnvironmentIsServedToLoopback() {
        HttpReply reply = admin.handle(request("127.0.0.1:8080"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("signing-key");
    }

    private static GatewayRequest request(String host) {
        Map<String, List<String>> headers = host.isEmpty() ? Map.of() : Map.of("Host", List.of(host));
        return new GatewayRequest("GET", "/_local/functions/identity/environment", "", "HTTP/1.1", headers, null,
                "127.0.0.1", 8080, "req", Instant.now());
    }
}

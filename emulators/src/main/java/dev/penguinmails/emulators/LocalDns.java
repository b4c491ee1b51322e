package dev.penguinmails.emulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real DNS server on 127.0.0.1, authoritative for the zones published to it, over UDP and TCP on
 * one port: the npm package dns2 driven by our local-dns.js in a node child process. Names outside every
 * zone are REFUSED (it never recurses), a name in a zone without records is NXDOMAIN, and a name
 * without records of the asked type answers NOERROR with no answer. UDP answers honour EDNS0 and
 * are truncated when too large, so resolvers fall back to TCP. Zones live in memory only.
 */
public final class LocalDns implements AutoCloseable {
    /** The property that names the DNS resolvers a function should query, as {@code host:port[,host:port]}. */
    public static final String RESOLVERS_PROPERTY = "penguinmails.dns.resolvers";

    private static final Pattern READY =
            Pattern.compile("LocalDns ready: control http://127\\.0\\.0\\.1:(\\d+) dns 127\\.0\\.0\\.1:(\\d+)");
    private static final TypeReference<List<DnsRecord>> RECORDS = new TypeReference<>() { };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeProcess process;
    private final int dnsPort;
    private final HttpClient http;

    private LocalDns(NodeProcess process, int dnsPort, HttpClient http) {
        this.process = process;
        this.dnsPort = dnsPort;
        this.http = http;
    }

    /** Starts on a port the OS picks, with the node and npm packages {@link NodeRuntime#locate()} finds: what tests use. */
    public static LocalDns start() {
        return start(NodeRuntime.locate(), 0);
    }

    /**
     * Starts the DNS server on 127.0.0.1, and its control API on a port of its own.
     *
     * @param port the DNS port (UDP and TCP), or 0 for one the OS picks
     */
    public static LocalDns start(NodeRuntime node, int port) {
        List<String> args = List.of(NodeProcess.script("local-dns.js").toString(),
                node.nodeModules().resolve(NodeRuntime.DNS2).toString(), Integer.toString(port), "0");
        NodeProcess process = NodeProcess.start("local-dns", node, args, Map.of(), READY);
        return new LocalDns(process, Integer.parseInt(process.readyGroup(2)),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** The DNS port on 127.0.0.1, the same for UDP and TCP. */
    public int port() {
        return dnsPort;
    }

    /** {@code 127.0.0.1:<port>}: the value of {@link #RESOLVERS_PROPERTY} that points a function at this server. */
    public String resolverAddress() {
        return "127.0.0.1:" + dnsPort;
    }

    /** The HTTP control API: {@code PUT|GET|DELETE /zones/{zone}} and {@code GET /health}. */
    public URI controlUrl() {
        return URI.create("http://127.0.0.1:" + process.port());
    }

    /** Replaces every record of {@code zone} (e.g. {@code example.test}), creating the zone if it is new. */
    public void publish(String zone, List<DnsRecord> records) {
        String body;
        try {
            body = JSON.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new EmulatorException("DNS records for " + zone + " could not be written as JSON.", e);
        }
        HttpResponse<String> response = call("PUT", zonePath(zone), body);
        if (response.statusCode() != 200) {
            throw new EmulatorException("local-dns refused zone " + zone + " (" + response.statusCode() + "): "
                    + response.body());
        }
    }

    /** The records of {@code zone}, or empty when there is no such zone. */
    public Optional<List<DnsRecord>> records(String zone) {
        HttpResponse<String> response = call("GET", zonePath(zone), null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(response.body(), RECORDS));
        } catch (JsonProcessingException e) {
            throw new EmulatorException("local-dns answered zone " + zone + " with unreadable JSON: " + response.body(), e);
        }
    }

    /** Removes {@code zone}, so that its names become unknown (REFUSED); false if there was no such zone. */
    public boolean remove(String zone) {
        return call("DELETE", zonePath(zone), null).statusCode() == 204;
    }

    /** The node process id, for diagnostics and for tests that prove it ends with us. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    private static String zonePath(String zone) {
        return "/zones/" + URLEncoder.encode(zone, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(controlUrl().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EmulatorException("local-dns at " + controlUrl() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("Interrupted while calling local-dns.", e);
        }
    }
}

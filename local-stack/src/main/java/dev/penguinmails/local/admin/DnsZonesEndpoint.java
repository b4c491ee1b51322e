package dev.penguinmails.local.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.http.GatewayRequest;
import dev.penguinmails.local.http.HttpReply;
import dev.penguinmails.local.http.LocalEndpoint;
import dev.penguinmails.local.http.Problems;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code PUT|GET|DELETE /_local/dns/{zone}}: replaces, reads or removes a zone of the local DNS server,
 * whose records are the JSON list its control API takes (e.g.
 * {@code [{"name":"example.test","type":"TXT","values":["v=spf1 -all"]}]}). Requests are forwarded as they are.
 */
public final class DnsZonesEndpoint implements LocalEndpoint {
    public static final String PREFIX = AdminEndpoint.PREFIX + "dns/";
    private static final Set<String> METHODS = Set.of("GET", "PUT", "DELETE");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_.%-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI controlUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param controlUrl the local DNS server's control API ({@code LocalDns.controlUrl()}) */
    public DnsZonesEndpoint(URI controlUrl) {
        this.controlUrl = controlUrl;
    }

    @Override
    public boolean accepts(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public HttpReply handle(GatewayRequest request) {
        String path = request.rawPath();
        Optional<HttpReply> forbidden = AdminEndpoint.refuseUnlessLoopback(request);
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        String zone = path.substring(PREFIX.length());
        if (!ZONE.matcher(zone).matches()) {
            return Problems.reply(404, "not-found", "Not Found",
                    "No local endpoint at " + path + "; name one zone: PUT, GET or DELETE /_local/dns/{zone}.", path);
        }
        if (!METHODS.contains(request.method())) {
            return AdminEndpoint.notAllowed(path, "GET, PUT, DELETE");
        }
        return forward(request, zone, path);
    }

    private HttpReply forward(GatewayRequest request, String zone, String path) {
        HttpRequest zoneRequest = HttpRequest.newBuilder(controlUrl.resolve("/zones/" + zone))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(zoneRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return Problems.reply(502, "dns-server-unavailable", "Bad Gateway",
                    "The local DNS server at " + controlUrl + " did not answer: " + e.getMessage(), path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problems.reply(503, "interrupted", "Service Unavailable", "Interrupted while asking the local DNS server.", path);
        }
        int status = response.statusCode();
        if (status == 400 || status == 404) {
            // The server says in one sentence what is wrong; keep it, in the problem shape every local endpoint uses.
            String detail = new String(response.body(), StandardCharsets.UTF_8);
            return Problems.reply(status, status == 400 ? "invalid-dns-records" : "not-found",
                    status == 400 ? "Bad Request" : "Not Found", errorOf(detail), path);
        }
        List<Map.Entry<String, String>> headers = response.headers().firstValue("Content-Type")
                .map(type -> List.of(Map.entry("Content-Type", type))).orElse(List.of());
        return new HttpReply(status, headers, response.body(), List.of());
    }

    private static String errorOf(String json) {
        try {
            return JSON.readTree(json).path("error").asText(json);
        } catch (IOException e) {
            return json;
        }
    }
}

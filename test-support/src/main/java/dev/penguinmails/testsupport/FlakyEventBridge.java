package dev.penguinmails.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.penguinmails.emulators.LoopbackHttpServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection on the wire: an HTTP proxy in front of the local EventBridge that fails the PutEvents
 * entries a {@link Fault} picks (with the per-entry error AWS would give) and forwards the rest to the
 * real emulator. The SDK client under test is unmodified; it only talks to this endpoint.
 */
public final class FlakyEventBridge implements AutoCloseable {

    /** Decides whether an entry fails on a call: returns an AWS error code, or null to pass it on. */
    @FunctionalInterface
    public interface Fault {
        String errorCode(int call, JsonNode entry);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final URI upstream;
    private volatile Fault fault = (call, entry) -> null;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<List<JsonNode>> calls = new CopyOnWriteArrayList<>();

    private FlakyEventBridge(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = LoopbackHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy that passes everything on until told to {@link #inject} faults. */
    public static FlakyEventBridge inFrontOf(URI upstream) {
        try {
            return new FlakyEventBridge(upstream);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, fails the entries {@code fault} picks; forgets the calls seen so far. */
    public void inject(Fault fault) {
        this.fault = fault;
        calls.clear();
    }

    /** The entries of each PutEvents call received, in order. */
    public List<List<JsonNode>> calls() {
        return calls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target == null || !target.endsWith(".PutEvents")) {
                reply(exchange, forward(target, body));
                return;
            }
            JsonNode request = JSON.readTree(body);
            List<JsonNode> entries = new ArrayList<>();
            request.get("Entries").forEach(entries::add);
            int call = calls.size() + 1;
            calls.add(List.copyOf(entries));

            List<String> errors = new ArrayList<>();
            ArrayNode passed = JSON.createArrayNode();
            for (JsonNode entry : entries) {
                String error = fault.errorCode(call, entry);
                errors.add(error);
                if (error == null) {
                    passed.add(entry);
                }
            }
            List<JsonNode> upstreamResults = new ArrayList<>();
            if (!passed.isEmpty()) {
                ObjectNode forwarded = ((ObjectNode) request.deepCopy()).set("Entries", passed);
                JSON.readTree(forward(target, JSON.writeValueAsBytes(forwarded))).get("Entries").forEach(upstreamResults::add);
            }
            ArrayNode results = JSON.createArrayNode();
            int failed = 0;
            int next = 0;
            for (String error : errors) {
                if (error == null) {
                    JsonNode result = upstreamResults.get(next++);
                    failed += result.hasNonNull("ErrorCode") ? 1 : 0;
                    results.add(result);
                } else {
                    failed++;
                    results.addObject().put("ErrorCode", error).put("ErrorMessage", "injected by FlakyEventBridge");
                }
            }
            ObjectNode response = JSON.createObjectNode();
            response.put("FailedEntryCount", failed);
            response.set("Entries", results);
            reply(exchange, JSON.writeValueAsBytes(response));
        } catch (Exception e) {
            byte[] error = ("{\"__type\":\"InternalException\",\"message\":\"" + e + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(500, error.length);
            exchange.getResponseBody().write(error);
        }
    }

    private byte[] forward(String target, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static void reply(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

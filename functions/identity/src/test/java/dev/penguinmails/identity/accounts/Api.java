package dev.penguinmails.identity.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A plain JDK HTTP client for the embedded test server, which turns every request into an API Gateway
 * v2 event for the real Lambda handler (no Netty on the path).
 */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Api(URL base) {
        this.base = URI.create(base.toString());
    }

    /** A response: status, headers, the body as text and (when JSON) as a tree. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            if (node == null) {
                throw new AssertionError("no field " + field + " in " + body);
            }
            return node.asText();
        }

        /** The slug of a problem+json body's type. */
        public String problemSlug() {
            return text("type").replace("https://penguinmails.dev/problems/", "");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, json, withJson(headers));
    }

    public Reply patch(String path, String json, String... headers) {
        return send("PATCH", path, json, withJson(headers));
    }

    private static String[] withJson(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** Sends {@code method} with an optional body; {@code headers} are name, value pairs. */
    public Reply send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

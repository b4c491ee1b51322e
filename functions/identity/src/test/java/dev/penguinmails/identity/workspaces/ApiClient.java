package dev.penguinmails.identity.workspaces;

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
 * A plain JDK HTTP client for the embedded test server, which turns each request into an API Gateway v2
 * event for the function's real Lambda handler (so no Netty, and no Micronaut client, joins the tests).
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public ApiClient(URL base) {
        this.base = URI.create(base.toString());
    }

    /** A response: status, headers, body as text and, for JSON, as a tree. */
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

        /** The problem's slug, e.g. {@code not-found}, or null when the body is no problem. */
        public String problem() {
            if (!header("Content-Type").orElse("").startsWith("application/problem+json")) {
                return null;
            }
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Reply get(String path, String bearer) {
        return send("GET", path, null, bearer);
    }

    public Reply post(String path, String json, String bearer) {
        return send("POST", path, json, bearer);
    }

    public Reply patch(String path, String json, String bearer) {
        return send("PATCH", path, json, bearer);
    }

    public Reply delete(String path, String bearer) {
        return send("DELETE", path, null, bearer);
    }

    /** Sends {@code method} with an optional JSON body and an optional bearer credential. */
    public Reply send(String method, String path, String json, String bearer, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
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

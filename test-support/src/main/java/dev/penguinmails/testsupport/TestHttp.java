package dev.penguinmails.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A plain JDK HTTP client for the embedded test server, which turns each request into an API Gateway v2
 * event for the real Lambda handler. Plain JDK, so no Micronaut client (or Netty) joins the classpath.
 *
 * <p>Two calling styles, kept apart by their last argument: trailing {@code String...} values are header
 * name, value pairs ({@code post} and {@code patch} add {@code Content-Type: application/json}); a single
 * trailing {@code String} is a bearer token, possibly null, for which {@code Content-Type} is only sent with
 * a body and {@code Authorization} only with a token.
 */
public final class TestHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public TestHttp(URL base) {
        this.base = URI.create(base.toString());
    }

    /** A response: status, headers, the body as text and (when JSON) as a tree. */
    public record Reply(int status, HttpHeaders headers, String body) {
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

        /** A top-level field of the JSON body as text; fails when the field is missing. */
        public String text(String field) {
            JsonNode node = json().get(field);
            if (node == null) {
                throw new AssertionError("no field " + field + " in " + body);
            }
            return node.asText();
        }

        /** The slug of a problem+json body's type; fails when the body has no type. */
        public String problemSlug() {
            return text("type").replace("https://penguinmails.dev/problems/", "");
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

    /** {@code value} as a JSON document. */
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

    public Reply get(String path, String bearer) {
        return sendAs("GET", path, null, bearer);
    }

    public Reply delete(String path, String bearer) {
        return sendAs("DELETE", path, null, bearer);
    }

    public Reply post(String path, String json, String bearer) {
        return sendAs("POST", path, json, bearer);
    }

    public Reply patch(String path, String json, String bearer) {
        return sendAs("PATCH", path, json, bearer);
    }

    /** Sends {@code method} with an optional JSON body, an optional bearer credential and header pairs. */
    public Reply sendAs(String method, String path, String json, String bearer, String... headers) {
        int extra = (json == null ? 0 : 2) + (bearer == null ? 0 : 2);
        String[] all = new String[extra + headers.length];
        int i = 0;
        if (json != null) {
            all[i++] = "Content-Type";
            all[i++] = "application/json";
        }
        if (bearer != null) {
            all[i++] = "Authorization";
            all[i++] = "Bearer " + bearer;
        }
        System.arraycopy(headers, 0, all, i, headers.length);
        return send(method, path, json, all);
    }

    private static String[] withJson(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** Sends {@code method} with an optional body; {@code headers} are name, value pairs, sent as given. */
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

package dev.penguinmails.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns a function's payload 2.0 response into the HTTP response API Gateway sends: {@code statusCode},
 * {@code headers}, each of {@code cookies} as a Set-Cookie header, and {@code body} (base64-decoded when
 * {@code isBase64Encoded}). A response without {@code statusCode} is sent as a 200 JSON body, as API
 * Gateway infers it. Format 2.0 has no {@code multiValueHeaders}; API Gateway ignores them, so do we,
 * and the reply says which values were dropped so that the log can show it.
 */
public final class ApiGatewayResponses {
    private final ObjectMapper json;

    public ApiGatewayResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Maps the function's response.
     *
     * @throws InvalidResponseException if it is not JSON or its fields have the wrong types
     */
    public HttpReply toReply(String responseJson) {
        JsonNode response;
        try {
            response = json.readTree(responseJson);
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException("the function's response is not JSON");
        }
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            return new HttpReply(200, List.of(Map.entry("Content-Type", "application/json")),
                    responseJson.getBytes(StandardCharsets.UTF_8), List.of());
        }
        JsonNode status = response.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new InvalidResponseException("statusCode " + status + " is not an HTTP status");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode headerNode = response.path("headers");
        headerNode.fields().forEachRemaining(h -> {
            if (!h.getValue().isNull()) {
                headers.add(Map.entry(h.getKey(), h.getValue().asText()));
            }
        });
        response.path("cookies").forEach(c -> headers.add(Map.entry("Set-Cookie", c.asText())));

        List<String> ignored = new ArrayList<>();
        response.path("multiValueHeaders").fields().forEachRemaining(h -> h.getValue().forEach(v -> {
            boolean delivered = headers.stream().anyMatch(
                    e -> e.getKey().equalsIgnoreCase(h.getKey()) && e.getValue().equals(v.asText()));
            if (!delivered) {
                ignored.add(h.getKey() + ": " + v.asText());
            }
        }));

        byte[] body = new byte[0];
        JsonNode bodyNode = response.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            String text = bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
            if (response.path("isBase64Encoded").asBoolean(false)) {
                try {
                    body = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new InvalidResponseException("isBase64Encoded is true but the body is not base64");
                }
            } else {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new HttpReply(status.asInt(), headers, body, ignored);
    }

    /** The function answered something API Gateway cannot turn into an HTTP response. */
    public static final class InvalidResponseException extends RuntimeException {
        public InvalidResponseException(String message) {
            super(message);
        }
    }
}

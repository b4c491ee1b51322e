package dev.penguinmails.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem responses for what the local API Gateway itself answers (no route, too large, timeout). */
public final class Problems {
    public static final String TYPE_PREFIX = "https://penguinmails.dev/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() { }

    /** A problem reply with type {@code https://penguinmails.dev/problems/<slug>}. */
    public static HttpReply reply(int status, String slug, String title, String detail, String instance) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", TYPE_PREFIX + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return new HttpReply(status, List.of(Map.entry("Content-Type", CONTENT_TYPE)),
                problem.toString().getBytes(StandardCharsets.UTF_8), List.of());
    }
}

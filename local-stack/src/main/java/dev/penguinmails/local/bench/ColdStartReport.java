package dev.penguinmails.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One probe's measurement, in milliseconds.
 *
 * @param function             the function family, e.g. {@code identity}, or {@code reference}
 * @param entryPoint           the entry point's name, e.g. {@code api}
 * @param kind                 {@code http}, {@code authorizer}, {@code queue}, {@code schedule} or {@code reference}
 * @param memoryMb             the function's memory, which sets the probe JVM's heap
 * @param route                for HTTP and authorizer events, {@code METHOD /route/{variable}}; else empty
 * @param jvmBootMillis        from the JVM's start to {@code main}
 * @param warmInvocationMillis the second call with the same event (authorizers only), or -1 when not measured
 * @param detail               the HTTP status, the number of batchItemFailures, the authorizer's answer, or the error
 * @param authorizerContext    an authorizer's context (a JSON object), for the probe of the request it authorized
 */
public record ColdStartReport(String function, String entryPoint, String handler, String kind, int memoryMb,
                              String route, long jvmBootMillis, long initMillis, long firstInvocationMillis,
                              long warmInvocationMillis, boolean succeeded, String detail,
                              Optional<String> authorizerContext) {

    public static final long NOT_MEASURED = -1;

    public long coldStartMillis() {
        return jvmBootMillis + initMillis + firstInvocationMillis;
    }

    /** The one line the probe prints. */
    public String toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("function", function);
        node.put("entryPoint", entryPoint);
        node.put("handler", handler);
        node.put("kind", kind);
        node.put("memoryMb", memoryMb);
        node.put("route", route);
        node.put("jvmBootMillis", jvmBootMillis);
        node.put("initMillis", initMillis);
        node.put("firstInvocationMillis", firstInvocationMillis);
        node.put("coldStartMillis", coldStartMillis());
        if (warmInvocationMillis != NOT_MEASURED) {
            node.put("warmInvocationMillis", warmInvocationMillis);
        }
        node.put("outcome", succeeded ? "succeeded" : "failed");
        node.put("detail", detail);
        authorizerContext.ifPresent(context -> node.put("authorizerContext", context));
        return node.toString();
    }

    /** Reads a line {@link #toJson} wrote. */
    public static ColdStartReport fromJson(JsonNode line) {
        return new ColdStartReport(line.path("function").asText(), line.path("entryPoint").asText(),
                line.path("handler").asText(), line.path("kind").asText(), line.path("memoryMb").asInt(),
                line.path("route").asText(), line.path("jvmBootMillis").asLong(), line.path("initMillis").asLong(),
                line.path("firstInvocationMillis").asLong(), line.path("warmInvocationMillis").asLong(NOT_MEASURED),
                "succeeded".equals(line.path("outcome").asText()), line.path("detail").asText(),
                Optional.ofNullable(line.get("authorizerContext")).map(JsonNode::asText));
    }
}

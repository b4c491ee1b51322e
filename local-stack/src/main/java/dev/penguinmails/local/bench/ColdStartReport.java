package dev.penguinmails.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One probe's measurement, in milliseconds.
 *
 * @param function      the function family, e.g. {@code identity}
 * @param entryPoint    the entry point's name, e.g. {@code api}
 * @param jvmBootMillis from the JVM's start to {@code main}
 * @param detail        the HTTP status, the number of batchItemFailures, or the error
 */
public record ColdStartReport(String function, String entryPoint, String handler, long jvmBootMillis, long initMillis,
                              long firstInvocationMillis, boolean succeeded, String detail) {

    public long coldStartMillis() {
        return jvmBootMillis + initMillis + firstInvocationMillis;
    }

    /** The one line the probe prints. */
    public String toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("function", function);
        node.put("entryPoint", entryPoint);
        node.put("handler", handler);
        node.put("jvmBootMillis", jvmBootMillis);
        node.put("initMillis", initMillis);
        node.put("firstInvocationMillis", firstInvocationMillis);
        node.put("coldStartMillis", coldStartMillis());
        node.put("outcome", succeeded ? "succeeded" : "failed");
        node.put("detail", detail);
        return node.toString();
    }
}

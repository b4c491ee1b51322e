package dev.penguinmails.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bad input every JSON route must refuse, derived from one valid body: each string (values and a
 * field name) made malformed Unicode, each value of the wrong JSON type, and a duplicated field. With
 * {@link #assertEachRefused} a route family gets its bad-input test in a few lines:
 * <pre>{@code
 * BadJsonBodies.assertEachRefused(body -> api.post("/v1/workspaces", body, token),
 *         "{\"name\":\"Acme\"}", () -> TableSnapshot.of(dynamo, table));
 * }</pre>
 */
public final class BadJsonBodies {
    /** An unpaired high surrogate, then a lone low one: what the outside test of the stack sent. */
    public static final String MALFORMED_ESCAPES = "\\ud800x\\udfff";
    private static final String MALFORMED_VALUE = "@@malformed-value@@";
    private static final String MALFORMED_NAME = "@@malformed-name@@";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BadJsonBodies() { }

    /** One bad body: what was broken, the body, and the field a 400 must name. */
    public record Variant(String broken, String body, String field) {
        @Override
        public String toString() {
            return broken + " at " + field;
        }
    }

    /** Every bad variant of {@code validJson}, an object. */
    public static List<Variant> of(String validJson) {
        ObjectNode valid = parse(validJson);
        List<Variant> variants = new ArrayList<>();
        leaves(valid, "", (path, value) -> {
            if (value.isTextual()) {
                variants.add(new Variant("malformed Unicode", replaced(valid, path, TextNode.valueOf(MALFORMED_VALUE))
                        .replace('"' + MALFORMED_VALUE + '"', '"' + MALFORMED_ESCAPES + '"'), path));
                variants.add(new Variant("a number for a string", replaced(valid, path, IntNode.valueOf(42)), path));
            } else if (value.isNumber()) {
                variants.add(new Variant("a string for a number", replaced(valid, path, TextNode.valueOf("5")), path));
            } else if (value.isBoolean()) {
                variants.add(new Variant("a string for a boolean", replaced(valid, path, TextNode.valueOf("true")), path));
            }
        });
        ObjectNode withBadName = valid.deepCopy();
        withBadName.put(MALFORMED_NAME, "x");
        variants.add(new Variant("a malformed field name",
                write(withBadName).replace('"' + MALFORMED_NAME + '"', "\"x\\ud800\""), "x\\ud800"));
        Map.Entry<String, JsonNode> first = valid.properties().iterator().next();
        String duplicate = "{" + write(TextNode.valueOf(first.getKey())) + ":" + write(first.getValue()) + ","
                + write(valid).substring(1);
        variants.add(new Variant("a duplicate field", duplicate, first.getKey()));
        return variants;
    }

    /**
     * Sends every variant of {@code validJson} and asserts each is a 400 {@code application/problem+json}
     * naming its field, and that {@code state} (e.g. a {@link TableSnapshot}) is the same afterwards.
     */
    public static void assertEachRefused(Function<String, TestHttp.Reply> send, String validJson, Supplier<?> state) {
        Object before = state.get();
        for (Variant variant : of(validJson)) {
            TestHttp.Reply reply = send.apply(variant.body());
            assertEquals(400, reply.status(), () -> variant + " got " + reply);
            assertTrue(reply.header("Content-Type").orElse("").startsWith("application/problem+json"), () -> variant + " got " + reply);
            List<String> fields = new ArrayList<>();
            reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertTrue(fields.contains(variant.field()), () -> variant + " named " + fields + " in " + reply);
        }
        assertEquals(before, state.get(), "bad input changed the stored state");
    }

    /** Calls {@code visit} with the path ({@code a.b[0].c}) and value of every scalar under {@code node}. */
    private static void leaves(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            node.properties().forEach(e -> leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", visit);
            }
        } else if (!node.isNull()) {
            visit.accept(path, node);
        }
    }

    /** {@code root} as JSON with the value at {@code path} replaced. */
    private static String replaced(ObjectNode root, String path, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        ContainerNode<?> parent = copy;
        String[] steps = path.replace("[", ".[").split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = (ContainerNode<?>) child(parent, steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ArrayNode array) {
            array.set(index(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return write(copy);
    }

    private static JsonNode child(JsonNode parent, String step) {
        return step.startsWith("[") ? parent.get(index(step)) : parent.get(step);
    }

    private static int index(String step) {
        return Integer.parseInt(step.substring(1, step.length() - 1));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("Not a JSON object: " + json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.penguinmails.shared.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penguinmails.shared.problems.FieldError;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds a JSON body to the JSON types its declared Java type asks for, field by field and nested: a
 * {@code String}, enum, timestamp or duration takes a JSON string (ISO-8601 for times), a number type a JSON number, a boolean a JSON boolean, a
 * collection an array, a record an object; {@code null} is left to validation. Micronaut Serialization
 * has no strict mode and would store {@code 42} as {@code "42"} or turn {@code "5"} into 5. Other types
 * are left to the binder, whose failure is a 400 as well.
 */
final class JsonShapeCheck {
    private JsonShapeCheck() { }

    /**
     * One error per field whose JSON type does not fit {@code type}; empty when all fit. A body bound as a
     * whole to text or bytes (a webhook keeping the raw payload for its signature) is not checked.
     */
    static List<FieldError> problems(JsonNode body, Argument<?> type) {
        Class<?> raw = type.getType();
        if (CharSequence.class.isAssignableFrom(raw) || raw == byte[].class || raw == Object.class) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        check(body, type, "", errors);
        return errors;
    }

    private static void check(JsonNode node, Argument<?> type, String path, List<FieldError> errors) {
        if (node.isNull()) {
            return;
        }
        Class<?> raw = type.getType();
        String expected = expectedJsonType(raw);
        if (expected != null) {
            if (!fits(node, expected)) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, "must be " + expected));
            }
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!node.isArray()) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, "must be an array"));
                return;
            }
            Argument<?> element = raw.isArray() ? Argument.of(raw.getComponentType()) : parameter(type, 0);
            int i = 0;
            for (JsonNode value : node.values()) {
                check(value, element, path + "[" + i++ + "]", errors);
            }
            return;
        }
        if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, "must be an object"));
                return;
            }
            Argument<?> value = parameter(type, 1);
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                check(entry.getValue(), value, join(path, entry.getKey()), errors);
            }
            return;
        }
        Optional<? extends BeanIntrospection<?>> bean = BeanIntrospector.SHARED.findIntrospection(raw);
        if (bean.isEmpty()) {
            return;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(path.isEmpty() ? "body" : path, "must be an object"));
            return;
        }
        for (BeanProperty<?, ?> property : bean.get().getBeanProperties()) {
            String name = property.stringValue(JsonProperty.class).filter(n -> !n.isEmpty()).orElse(property.getName());
            JsonNode value = node.get(name);
            if (value != null) {
                check(value, property.asArgument(), join(path, name), errors);
            }
        }
    }

    /** The JSON type a scalar Java type takes, or null when {@code raw} is no scalar. */
    private static String expectedJsonType(Class<?> raw) {
        if (raw == String.class || CharSequence.class.isAssignableFrom(raw) || raw.isEnum()
                || TemporalAccessor.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)) {
            return "a string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != char.class && raw != void.class)) {
            return "a number";
        }
        return null;
    }

    private static boolean fits(JsonNode node, String expected) {
        return switch (expected) {
            case "a string" -> node.isString();
            case "true or false" -> node.isBoolean();
            default -> node.isNumber();
        };
    }

    private static Argument<?> parameter(Argument<?> type, int index) {
        Argument<?>[] parameters = type.getTypeParameters();
        return parameters.length > index ? parameters[index] : Argument.OBJECT_ARGUMENT;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

package dev.penguinmails.emulators.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A form-encoded Stripe request body, with Stripe's nesting: {@code metadata[workspace_id]=w} is a map under
 * {@code metadata}, {@code items[0][price]=p} (or {@code items[][price]}) a list of maps.
 */
final class FormParams {
    private final Map<String, Object> root;

    private FormParams(Map<String, Object> root) {
        this.root = root;
    }

    static FormParams parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded != null && !encoded.isBlank()) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                put(root, path(key), value);
            }
        }
        return new FormParams(root);
    }

    private static List<String> path(String key) {
        List<String> parts = new ArrayList<>();
        int bracket = key.indexOf('[');
        parts.add(bracket < 0 ? key : key.substring(0, bracket));
        while (bracket >= 0) {
            int close = key.indexOf(']', bracket);
            parts.add(key.substring(bracket + 1, close));
            bracket = key.indexOf('[', close);
        }
        return parts;
    }

    private static void put(Map<String, Object> map, List<String> path, String value) {
        Map<String, Object> current = map;
        for (int i = 0; i < path.size() - 1; i++) {
            String part = path.get(i).isEmpty() ? Integer.toString(current.size()) : path.get(i);
            current = castMap((Map<?, ?>) current.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>()));
        }
        String last = path.get(path.size() - 1);
        current.put(last.isEmpty() ? Integer.toString(current.size()) : last, value);
    }

    Map<String, Object> asMap() {
        return root;
    }

    String get(String key) {
        return root.get(key) instanceof String s ? s : null;
    }

    FormParams child(String key) {
        Object v = root.get(key);
        return new FormParams(v instanceof Map<?, ?> m ? castMap(m) : new LinkedHashMap<>());
    }

    boolean has(String key) {
        return root.containsKey(key);
    }

    List<FormParams> list(String key) {
        if (root.get(key) instanceof Map<?, ?> m) {
            Map<Integer, Object> ordered = new TreeMap<>();
            castMap(m).forEach((k, value) -> ordered.put(Integer.parseInt(k), value));
            List<FormParams> out = new ArrayList<>();
            ordered.values().forEach(value -> out.add(new FormParams(value instanceof Map<?, ?> inner ? castMap(inner) : new LinkedHashMap<>(Map.of("", value)))));
            return out;
        } else {
            return List.of();
        }
    }

    List<String> strings(String key) {
        return list(key).stream().map(p -> p.get("")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>)m;
    }
}

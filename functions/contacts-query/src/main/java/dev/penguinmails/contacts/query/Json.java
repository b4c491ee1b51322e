package dev.penguinmails.contacts.query;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** The JSON text of custom fields for a JSONB parameter: numbers as numbers, booleans as booleans, else strings. */
public final class Json {
    private Json() { }

    public static String object(Map<String, Object> values) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(values).forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name).append(':');
            if (value instanceof BigDecimal number) {
                json.append(number.toPlainString());
            } else if (value instanceof Boolean bool) {
                json.append(bool);
            } else {
                string(json, String.valueOf(value));
            }
        });
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        return json.append('"');
    }
}

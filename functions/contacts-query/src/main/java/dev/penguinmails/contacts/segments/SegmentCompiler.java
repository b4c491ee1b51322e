package dev.penguinmails.contacts.segments;

import dev.penguinmails.contacts.query.Json;
import dev.penguinmails.shared.problems.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a segment definition and compiles it to parameterised SQL over {@code contacts c}. Every bad rule is
 * reported by its path ({@code rules[1].rules[0].op}), not just the first. Column names come from {@link #TEXT}
 * and the fixed cases below; custom field names and every value travel as parameters.
 */
public final class SegmentCompiler {
    /** Groups nest at most this deep (the top group is depth 1). */
    public static final int MAX_DEPTH = 4;
    /** At most this many rules in a definition, over all groups. */
    public static final int MAX_RULES = 50;
    /** At most this many operands of one rule. */
    public static final int MAX_VALUES = 100;
    private static final int MAX_TEXT = 1000;

    /** The contact's text fields by API name, and their columns. */
    private static final Map<String, String> TEXT = Map.of("email", "c.email", "domain", "c.email_domain",
            "firstName", "c.first_name", "lastName", "c.last_name", "company", "c.company", "title", "c.title",
            "status", "c.status", "source", "c.source", "timezone", "c.timezone");
    private static final Map<String, String> TIMES = Map.of("createdAt", "c.created_at", "updatedAt", "c.updated_at");
    private static final String CUSTOM = "custom.";
    private static final Set<String> TEXT_OPS = Set.of("eq", "neq", "contains", "starts_with", "in", "is_empty", "is_not_empty");
    private static final Set<String> ORDERED_OPS = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "between", "in", "is_empty",
            "is_not_empty");
    private static final Set<String> BOOLEAN_OPS = Set.of("eq", "is_empty", "is_not_empty");
    private static final Set<String> TAG_OPS = Set.of("has_any", "has_all", "has_none", "is_empty", "is_not_empty");
    private static final Set<String> LIST_OPS = Set.of("in_list", "not_in_list");

    private final Map<String, String> customTypes;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private int ruleCount;

    private SegmentCompiler(Map<String, String> customTypes) {
        this.customTypes = customTypes;
    }

    /**
     * {@code definition} as SQL, with custom fields typed by {@code customTypes} (declared name to text, number,
     * date or boolean).
     *
     * @throws InvalidSegmentException listing every bad rule
     */
    public static CompiledSegment compile(Condition definition, Map<String, String> customTypes) {
        SegmentCompiler compiler = new SegmentCompiler(customTypes);
        String where = definition == null ? null : compiler.group(definition, "definition", 1);
        if (definition == null) {
            compiler.errors.add(new FieldError("definition", "is required"));
        }
        if (compiler.ruleCount > MAX_RULES) {
            compiler.errors.add(new FieldError("definition", "has " + compiler.ruleCount + " rules; at most " + MAX_RULES));
        }
        if (!compiler.errors.isEmpty()) {
            throw new InvalidSegmentException(compiler.errors);
        }
        return new CompiledSegment(where, compiler.params);
    }

    private String group(Condition g, String path, int depth) {
        if (!g.group()) {
            errors.add(new FieldError(path, "the definition must be a group: {\"match\":\"all\",\"rules\":[...]}"));
            return "false";
        }
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(path, "groups nest at most " + MAX_DEPTH + " deep"));
            return "false";
        }
        String joiner = switch (g.match() == null ? "" : g.match()) {
            case "all" -> " AND ";
            case "any" -> " OR ";
            default -> {
                errors.add(new FieldError(path + ".match", "must be all or any"));
                yield " AND ";
            }
        };
        if (g.field() != null || g.op() != null) {
            errors.add(new FieldError(path, "a group has match and rules, not field or op"));
        }
        if (g.rules() == null || g.rules().isEmpty()) {
            errors.add(new FieldError(path + ".rules", "must hold at least one rule"));
            return "false";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < g.rules().size(); i++) {
            Condition c = g.rules().get(i);
            String at = path + ".rules[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(at, "must be a rule or a group"));
            } else if (c.group()) {
                parts.add(group(c, at, depth + 1));
            } else {
                ruleCount++;
                parts.add(rule(c, at));
            }
        }
        return "(" + String.join(joiner, parts) + ")";
    }

    private String rule(Condition r, String path) {
        String field = r.field();
        String op = r.op() == null ? "" : r.op();
        if (field == null || field.isBlank()) {
            errors.add(new FieldError(path + ".field", "is required"));
            return "false";
        }
        if (TEXT.containsKey(field)) {
            return text(TEXT.get(field), op, r, path);
        }
        if (TIMES.containsKey(field)) {
            return time(TIMES.get(field), op, r, path);
        }
        if (field.equals("tags")) {
            return tags(op, r, path);
        }
        if (field.equals("list")) {
            return list(op, r, path);
        }
        if (field.startsWith(CUSTOM)) {
            String name = field.substring(CUSTOM.length());
            String type = customTypes.get(name);
            if (type == null) {
                errors.add(new FieldError(path + ".field", "the workspace has no custom field " + name));
                return "false";
            }
            return custom(name, type, op, r, path);
        }
        errors.add(new FieldError(path + ".field", "unknown field " + field + "; see the segment rules grammar"));
        return "false";
    }

    private String text(String column, String op, Condition r, String path) {
        if (!allowed(op, TEXT_OPS, path)) {
            return "false";
        }
        return switch (op) {
            case "is_empty" -> "(" + column + " IS NULL OR " + column + " = '')";
            case "is_not_empty" -> "(" + column + " IS NOT NULL AND " + column + " <> '')";
            case "in" -> {
                List<String> texts = texts(r, path);
                yield param(texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new),
                        "lower(" + column + ") = ANY(?::text[])");
            }
            case "contains" -> param("%" + like(text(r, path)) + "%", column + " ILIKE ?");
            case "starts_with" -> param(like(text(r, path)) + "%", column + " ILIKE ?");
            case "neq" -> param(text(r, path).toLowerCase(Locale.ROOT), "lower(" + column + ") IS DISTINCT FROM ?");
            default -> param(text(r, path).toLowerCase(Locale.ROOT), "lower(" + column + ") = ?");
        };
    }

    private String time(String column, String op, Condition r, String path) {
        if (!allowed(op, ORDERED_OPS, path) || op.equals("in")) {
            if (op.equals("in")) {
                errors.add(new FieldError(path + ".op", "in does not apply to times; use between"));
            }
            return "false";
        }
        return switch (op) {
            case "is_empty" -> column + " IS NULL";
            case "is_not_empty" -> column + " IS NOT NULL";
            case "between" -> {
                List<Object> two = two(r, path);
                if (two == null) {
                    yield "false";
                }
                params.add(instant(two.get(0), path + ".values[0]"));
                yield param(instant(two.get(1), path + ".values[1]"), column + " BETWEEN ? AND ?");
            }
            default -> param(instant(r.value(), path + ".value"), column + " " + comparison(op) + " ?");
        };
    }

    private String tags(String op, Condition r, String path) {
        if (!allowed(op, TAG_OPS, path)) {
            return "false";
        }
        return switch (op) {
            case "is_empty" -> "cardinality(c.tags) = 0";
            case "is_not_empty" -> "cardinality(c.tags) > 0";
            default -> {
                String[] tags = texts(r, path).stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
                yield param(tags, switch (op) {
                    case "has_all" -> "c.tags @> ?::text[]";
                    case "has_none" -> "NOT (c.tags && ?::text[])";
                    default -> "c.tags && ?::text[]";
                });
            }
        };
    }

    private String list(String op, Condition r, String path) {
        if (!allowed(op, LIST_OPS, path)) {
            return "false";
        }
        String exists = "EXISTS (SELECT 1 FROM list_members m WHERE m.workspace_id = c.workspace_id "
                + "AND m.list_id = ? AND m.contact_id = c.contact_id)";
        return param(text(r, path), op.equals("in_list") ? exists : "NOT " + exists);
    }

    private String custom(String name, String type, String op, Condition r, String path) {
        Set<String> ops = switch (type) {
            case "text" -> TEXT_OPS;
            case "boolean" -> BOOLEAN_OPS;
            default -> ORDERED_OPS;
        };
        if (!allowed(op, ops, path)) {
            return "false";
        }
        if (op.equals("is_empty")) {
            return param(name, "(c.custom_fields -> ?) IS NULL");
        }
        if (op.equals("is_not_empty")) {
            return param(name, "(c.custom_fields -> ?) IS NOT NULL");
        }
        if (type.equals("text")) {
            if (op.equals("eq")) {
                // Containment answers from the GIN index on custom_fields.
                return param(Json.object(Map.of(name, text(r, path))), "c.custom_fields @> ?::jsonb");
            }
            params.add(name);
            return text("(c.custom_fields ->> ?)", op, r, path);
        }
        if (type.equals("boolean")) {
            if (!(r.value() instanceof Boolean b)) {
                errors.add(new FieldError(path + ".value", "must be true or false (the field is boolean)"));
                return "false";
            }
            return param(Json.object(Map.of(name, b)), "c.custom_fields @> ?::jsonb");
        }
        boolean number = type.equals("number");
        if (op.equals("eq") && number) {
            BigDecimal n = number(r.value(), path + ".value");
            return n == null ? "false" : param(Json.object(Map.of(name, n)), "c.custom_fields @> ?::jsonb");
        }
        // Values of the declared type only: a value of another JSON type (a field re-declared) never matches.
        String operand = number
                ? "(CASE WHEN jsonb_typeof(c.custom_fields -> ?) = 'number' THEN (c.custom_fields ->> ?)::numeric END)"
                : "(CASE WHEN jsonb_typeof(c.custom_fields -> ?) = 'string' THEN (c.custom_fields ->> ?) END)";
        params.add(name);
        params.add(name);
        return switch (op) {
            case "between" -> {
                List<Object> two = two(r, path);
                if (two == null) {
                    yield "false";
                }
                params.add(typed(two.get(0), number, path + ".values[0]"));
                yield param(typed(two.get(1), number, path + ".values[1]"), operand + " BETWEEN ? AND ?");
            }
            case "in" -> {
                List<Object> values = values(r, path);
                List<Object> typed = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    typed.add(typed(values.get(i), number, path + ".values[" + i + "]"));
                }
                String[] texts = typed.stream().map(v -> v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v))
                        .toArray(String[]::new);
                yield param(texts, operand + (number ? " = ANY(?::numeric[])" : " = ANY(?::text[])"));
            }
            case "neq" -> param(typed(r.value(), number, path + ".value"), operand + " IS DISTINCT FROM ?");
            default -> param(typed(r.value(), number, path + ".value"), operand + " " + comparison(op) + " ?");
        };
    }

    private boolean allowed(String op, Set<String> ops, String path) {
        if (!ops.contains(op)) {
            errors.add(new FieldError(path + ".op", (op.isEmpty() ? "is required" : op + " does not apply here")
                    + "; one of " + String.join(", ", new java.util.TreeSet<>(ops))));
            return false;
        }
        return true;
    }

    private static String comparison(String op) {
        return switch (op) {
            case "gt" -> ">";
            case "gte" -> ">=";
            case "lt" -> "<";
            case "lte" -> "<=";
            default -> "=";
        };
    }

    /** Adds {@code value} as the next parameter: {@code sql}'s one placeholder, or its last one. */
    private String param(Object value, String sql) {
        params.add(value);
        return sql;
    }

    private String text(Condition r, String path) {
        if (!(r.value() instanceof String s) || s.isEmpty()) {
            errors.add(new FieldError(path + ".value", "must be a non-empty string"));
            return "";
        }
        if (s.length() > MAX_TEXT) {
            errors.add(new FieldError(path + ".value", "must be at most " + MAX_TEXT + " characters"));
        }
        return s;
    }

    private List<String> texts(Condition r, String path) {
        List<String> texts = new ArrayList<>();
        List<Object> values = values(r, path);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof String s && !s.isBlank()) {
                texts.add(s);
            } else {
                errors.add(new FieldError(path + ".values[" + i + "]", "must be a non-empty string"));
            }
        }
        return texts;
    }

    private List<Object> values(Condition r, String path) {
        if (r.values() == null || r.values().isEmpty()) {
            errors.add(new FieldError(path + ".values", "must hold at least one value"));
            return List.of();
        }
        if (r.values().size() > MAX_VALUES) {
            errors.add(new FieldError(path + ".values", "must hold at most " + MAX_VALUES + " values"));
        }
        return r.values();
    }

    private List<Object> two(Condition r, String path) {
        if (r.values() == null || r.values().size() != 2) {
            errors.add(new FieldError(path + ".values", "between takes exactly two values, low and high"));
            return null;
        }
        return r.values();
    }

    private Object typed(Object value, boolean number, String path) {
        if (number) {
            BigDecimal n = number(value, path);
            return n == null ? BigDecimal.ZERO : n;
        }
        if (value instanceof String s) {
            try {
                return LocalDate.parse(s).toString();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError(path, "must be a date yyyy-MM-dd (the field is date)"));
        return "";
    }

    private BigDecimal number(Object value, String path) {
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        errors.add(new FieldError(path, "must be a number (the field is number)"));
        return null;
    }

    private Instant instant(Object value, String path) {
        if (value instanceof String s) {
            try {
                return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError(path, "must be a date yyyy-MM-dd or a UTC time like 2026-12-01T00:00:00Z"));
        return Instant.EPOCH;
    }

    /** {@code %}, {@code _} and {@code \} taken literally in a LIKE pattern. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

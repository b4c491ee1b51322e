package dev.penguinmails.contacts.exports;

import dev.penguinmails.shared.problems.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The columns an export may have: the contact's fields by API name, and declared custom fields as
 * {@code custom.<name>}. SQL comes only from the allow-list below; a custom field's name travels as a parameter.
 */
final class ExportColumns {
    static final String CUSTOM = "custom.";
    static final int MAX_COLUMNS = 100;

    /** The contact's fields, in the default order, and the SQL that reads each as text. */
    private static final Map<String, String> FIELDS = fields();

    private ExportColumns() { }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", "c.contact_id");
        f.put("email", "c.email");
        f.put("firstName", "c.first_name");
        f.put("lastName", "c.last_name");
        f.put("company", "c.company");
        f.put("title", "c.title");
        f.put("phone", "c.phone");
        f.put("timezone", "c.timezone");
        f.put("tags", "array_to_string(c.tags, ',')");
        f.put("status", "c.status");
        f.put("source", "c.source");
        f.put("createdAt", "to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
        f.put("updatedAt", "to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
        return f;
    }

    /** Every field, then every declared custom field by name: the columns of an export that names none. */
    static List<String> defaults(Set<String> declared) {
        List<String> columns = new ArrayList<>(FIELDS.keySet());
        new TreeSet<>(declared).forEach(name -> columns.add(CUSTOM + name));
        return columns;
    }

    /** The problems of {@code requested}, each named {@code columns[i]}: unknown, undeclared, repeated. */
    static List<FieldError> check(List<String> requested, Set<String> declared) {
        List<FieldError> errors = new ArrayList<>();
        if (requested.isEmpty()) {
            errors.add(new FieldError("columns", "must name at least one column, or be left out for all of them"));
        }
        if (requested.size() > MAX_COLUMNS) {
            errors.add(new FieldError("columns", "has " + requested.size() + " columns; at most " + MAX_COLUMNS));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String column = requested.get(i);
            String path = "columns[" + i + "]";
            if (column == null || !(FIELDS.containsKey(column)
                    || column.startsWith(CUSTOM) && declared.contains(column.substring(CUSTOM.length())))) {
                errors.add(new FieldError(path, "is not a column: one of " + String.join(", ", FIELDS.keySet())
                        + ", or custom.<declared field>"));
            } else if (!seen.add(column)) {
                errors.add(new FieldError(path, "repeats " + column));
            }
        }
        return errors;
    }

    /** The header of a column: the field's name, a custom field's bare name unless it is a field's name too. */
    static String header(String column) {
        if (column.startsWith(CUSTOM)) {
            String name = column.substring(CUSTOM.length());
            return FIELDS.containsKey(name) ? column : name;
        }
        return column;
    }

    /** The SQL select list of {@code columns} over {@code contacts c}; custom field names are added to {@code params}. */
    static String select(List<String> columns, List<Object> params) {
        List<String> sql = new ArrayList<>();
        for (String column : columns) {
            if (column.startsWith(CUSTOM)) {
                sql.add("c.custom_fields ->> ?");
                params.add(column.substring(CUSTOM.length()));
            } else {
                String expression = FIELDS.get(column);
                if (expression == null) {
                    throw new IllegalArgumentException("not a column: " + column);
                }
                sql.add(expression);
            }
        }
        return String.join(", ", sql);
    }
}

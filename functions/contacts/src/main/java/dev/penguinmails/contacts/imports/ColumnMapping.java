package dev.penguinmails.contacts.imports;

import dev.penguinmails.contacts.model.ContactInput;
import dev.penguinmails.contacts.model.FieldDefinition;
import dev.penguinmails.contacts.model.FieldType;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of the file fills which field of a contact. A mapping given with the import (header → field) is
 * used as it is; else one is suggested from the headers, compared without case, spaces and punctuation
 * ({@code E-mail}, {@code First Name}, {@code company name}), and a header naming a <em>declared</em> custom field
 * fills it. Columns no field takes are ignored and listed with the import. Fields are {@value #FIELD_LIST}, a
 * declared custom field as {@code customFields.<name>}, or {@value #IGNORE}.
 */
final class ColumnMapping {
    static final String IGNORE = "ignore";
    static final String CUSTOM = "customFields.";
    static final List<String> FIELDS = List.of("email", "firstName", "lastName", "company", "title", "phone",
            "timezone", "tags");
    static final String FIELD_LIST = "email, firstName, lastName, company, title, phone, timezone, tags";
    /** The source every imported contact gets. */
    static final String SOURCE = "import";

    private static final Map<String, String> SYNONYMS = synonyms();

    private final List<String> header;
    /** The field of each column, null if none. */
    private final String[] targets;
    private final Map<String, FieldDefinition> definitions;

    private ColumnMapping(List<String> header, String[] targets, Map<String, FieldDefinition> definitions) {
        this.header = header;
        this.targets = targets;
        this.definitions = definitions;
    }

    /**
     * The mapping of {@code header}: {@code explicit} if not empty, else suggested.
     *
     * @throws FileProblem if no column is the email, two columns fill one field, or the explicit mapping names a
     *                     header the file does not have
     */
    static ColumnMapping of(List<String> header, Map<String, String> explicit, Map<String, FieldDefinition> definitions) {
        String[] targets = new String[header.size()];
        if (!explicit.isEmpty()) {
            List<String> missing = new ArrayList<>();
            explicit.forEach((column, field) -> {
                int found = -1;
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).equalsIgnoreCase(column.strip())) {
                        if (found >= 0) {
                            throw new FileProblem("duplicate-columns", "The header names " + column + " twice (columns "
                                    + (found + 1) + " and " + (i + 1) + "); rename one.");
                        }
                        found = i;
                    }
                }
                if (found < 0) {
                    missing.add(column);
                } else if (!IGNORE.equals(field)) {
                    targets[found] = field;
                }
            });
            if (!missing.isEmpty()) {
                throw new FileProblem("unknown-columns", "The mapping names columns the file does not have: " + missing
                        + "; its header is " + header + ".");
            }
        } else {
            for (int i = 0; i < header.size(); i++) {
                targets[i] = suggest(header.get(i), definitions);
            }
        }
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == null) {
                continue;
            }
            Integer first = taken.putIfAbsent(targets[i], i);
            if (first != null) {
                throw new FileProblem("duplicate-columns", "Columns " + (first + 1) + " (" + header.get(first) + ") and "
                        + (i + 1) + " (" + header.get(i) + ") both fill " + targets[i] + "; map one of them to "
                        + IGNORE + " or rename it.");
            }
        }
        if (!taken.containsKey("email")) {
            throw new FileProblem("no-email-column", "No column holds the email address; the header is " + header
                    + ". Name it email, or give a mapping.");
        }
        return new ColumnMapping(header, targets, definitions);
    }

    /** The field a header suggests, or null. */
    static String suggest(String header, Map<String, FieldDefinition> definitions) {
        String key = squash(header);
        String standard = SYNONYMS.get(key);
        if (standard != null) {
            return standard;
        }
        for (String name : definitions.keySet()) {
            if (squash(name).equals(key)) {
                return CUSTOM + name;
            }
        }
        return null;
    }

    /** Whether {@code field} is something a column can fill, given the declared custom fields. */
    static boolean valid(String field, Set<String> declared) {
        return FIELDS.contains(field) || IGNORE.equals(field)
                || field.startsWith(CUSTOM) && declared.contains(field.substring(CUSTOM.length()));
    }

    /** Header → field, in column order, of the columns a field takes. */
    Map<String, String> applied() {
        Map<String, String> applied = new LinkedHashMap<>();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] != null) {
                applied.put(header.get(i), targets[i]);
            }
        }
        return applied;
    }

    /** The headers no field takes (blank ones as {@code column N}). */
    List<String> ignored() {
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == null) {
                ignored.add(header.get(i).isEmpty() ? "column " + (i + 1) : header.get(i));
            }
        }
        return ignored;
    }

    /** The row as a contact's input: empty cells give nothing, custom fields typed as declared. */
    ContactInput input(List<String> cells) {
        Map<String, String> v = new HashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        for (int i = 0; i < targets.length && i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            if (targets[i] == null || cell.isEmpty()) {
                continue;
            }
            if (targets[i].startsWith(CUSTOM)) {
                String name = targets[i].substring(CUSTOM.length());
                custom.put(name, typed(definitions.get(name), cell));
            } else {
                v.put(targets[i], cell);
            }
        }
        List<String> tags = v.containsKey("tags")
                ? Arrays.stream(v.get("tags").split("[,;|]")).map(String::strip).filter(t -> !t.isEmpty()).toList()
                : null;
        return new ContactInput(v.get("email"), v.get("firstName"), v.get("lastName"), v.get("company"), v.get("title"),
                v.get("phone"), v.get("timezone"), tags, custom.isEmpty() ? null : custom, SOURCE, null);
    }

    /** The header of the column that fills a field named as a validation error names it ({@code customFields.x}). */
    String column(String field) {
        for (int i = 0; i < targets.length; i++) {
            if (field.equals(targets[i])) {
                return header.get(i);
            }
        }
        return field;
    }

    /** A cell as the JSON value its field's type takes; left a string (and refused by the type) if it is none. */
    private static Object typed(FieldDefinition definition, String cell) {
        if (definition == null) {
            return cell;
        }
        if (definition.type() == FieldType.NUMBER) {
            try {
                return new BigDecimal(cell.replace(" ", ""));
            } catch (NumberFormatException e) {
                return cell;
            }
        }
        if (definition.type() == FieldType.BOOLEAN) {
            return switch (cell.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> Boolean.TRUE;
                case "false", "no", "n", "0" -> Boolean.FALSE;
                default -> cell;
            };
        }
        return cell;
    }

    /** Lower-case letters and digits only, accents removed: {@code E-mail Address} is {@code emailaddress}. */
    static String squash(String header) {
        String plain = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Map<String, String> synonyms() {
        Map<String, String> s = new HashMap<>();
        put(s, "email", "email", "e-mail", "emailaddress", "e-mailaddress", "mail", "workemail", "businessemail");
        put(s, "firstName", "firstname", "first", "givenname", "fname", "forename", "prenom", "nombre");
        put(s, "lastName", "lastname", "last", "surname", "familyname", "lname", "nom", "apellido");
        put(s, "company", "company", "companyname", "organization", "organisation", "org", "account", "accountname",
                "employer", "business");
        put(s, "title", "title", "jobtitle", "position", "role", "jobrole");
        put(s, "phone", "phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cell", "cellphone");
        put(s, "timezone", "timezone", "tz", "zone");
        put(s, "tags", "tags", "tag", "labels", "label");
        return Map.copyOf(s);
    }

    private static void put(Map<String, String> map, String field, String... names) {
        for (String name : names) {
            map.put(squash(name), field);
        }
    }
}

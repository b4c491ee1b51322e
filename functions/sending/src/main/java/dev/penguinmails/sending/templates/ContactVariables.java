package dev.penguinmails.sending.templates;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a template may use: a contact's fields ({@code first_name}, ...), its custom fields under
 * {@code custom.<name>}, and what every email has ({@code unsubscribe_url}, {@code sender.name}, {@code sender.email}).
 */
public final class ContactVariables {
    public static final List<String> FIELDS = List.of("email", "first_name", "last_name", "company", "title", "phone",
            "timezone");
    public static final List<String> PER_EMAIL = List.of("unsubscribe_url", "sender.name", "sender.email");

    private ContactVariables() { }

    /** Every name known for contacts whose custom fields are {@code customFields}. */
    public static Set<String> known(Set<String> customFields) {
        Set<String> known = new LinkedHashSet<>(FIELDS);
        known.addAll(PER_EMAIL);
        known.add("sender");
        known.add("custom");
        customFields.forEach(name -> known.add("custom." + name));
        return known;
    }

    /** The Liquid variables of one contact: given fields as they are, custom fields under {@code custom}. */
    public static Map<String, Object> of(Map<String, Object> fields, Map<String, Object> custom, Map<String, Object> perEmail) {
        Map<String, Object> variables = new HashMap<>(perEmail);
        fields.forEach((k, v) -> {
            if (v != null && !"custom".equals(k)) {
                variables.put(k, v);
            }
        });
        variables.put("custom", custom == null ? Map.of() : custom);
        return variables;
    }
}

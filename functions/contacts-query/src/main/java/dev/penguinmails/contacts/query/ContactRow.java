package dev.penguinmails.contacts.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A contact as the query model holds it. {@code customFields} are typed values: {@link java.math.BigDecimal} for
 * numbers, {@link Boolean}, and {@link String} for text and dates ({@code yyyy-MM-dd}), so that the JSONB column
 * compares them by type.
 */
public record ContactRow(String contactId, long version, String email, String firstName, String lastName,
                         String company, String title, String phone, String timezone, List<String> tags,
                         Map<String, Object> customFields, String source, String status, Instant createdAt,
                         Instant updatedAt) {

    public ContactRow {
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** The domain of the address (after the last {@code @}), lower case. */
    public String emailDomain() {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** A custom field's canonical text as typed by its declared type. */
    public static Object typed(String type, String value) {
        return switch (type) {
            case "number" -> new java.math.BigDecimal(value);
            case "boolean" -> Boolean.valueOf(value);
            default -> value;
        };
    }
}

package dev.penguinmails.contacts.model;

import java.math.BigDecimal;

/**
 * One custom field's value: its type and canonical text ({@code 12.5}, {@code 2026-12-05}, {@code true}).
 *
 * @param type  the field's declared type when the value was written
 * @param value the canonical text of the value
 */
public record CustomValue(FieldType type, String value) {

    /** The value as the API shows it: a JSON string, number or boolean. */
    public Object json() {
        return switch (type) {
            case NUMBER -> new BigDecimal(value);
            case BOOLEAN -> Boolean.valueOf(value);
            default -> value;
        };
    }
}

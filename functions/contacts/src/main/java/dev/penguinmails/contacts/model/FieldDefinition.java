package dev.penguinmails.contacts.model;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A custom field a workspace declared: its name ({@code ^[a-z][a-z0-9_]{0,39}$}) and type. Contacts may only carry
 * declared fields, each value of its field's type.
 */
public record FieldDefinition(String name, FieldType type, Instant createdAt) {
    public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    /** {@code name} if it can name a field; {@link IllegalArgumentException} otherwise. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("must be 1 to 40 of a-z, 0-9 and _, starting with a letter");
        }
        return name;
    }
}

package dev.penguinmails.contacts.model;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A contact's fields as a client (or, later, an import row) gave them, before normalisation. In a change,
 * null leaves a field as it is, an empty string clears a text, an empty list clears the tags, and a custom
 * field given as null is removed.
 */
public record ContactInput(@Nullable String email, @Nullable String firstName, @Nullable String lastName,
                           @Nullable String company, @Nullable String title, @Nullable String phone,
                           @Nullable String timezone, @Nullable List<String> tags,
                           @Nullable Map<String, Object> customFields, @Nullable String source,
                           @Nullable String status) { }

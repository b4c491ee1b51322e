package dev.penguinmails.events.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What sending needs of a contact to personalise and address mail, carried by {@code contact.created} and
 * {@code contact.updated}: the normalised address and its {@link EmailHashes hash}, names, company, title, phone
 * (E.164), IANA time zone, tags, custom fields (both absent when empty), source and status ({@code active} is
 * the only one mailed).
 * Apply by {@code version}: an older one changes nothing.
 */
@Serdeable
public record ContactState(String contactId, String email, String emailHash, @Nullable String firstName,
                           @Nullable String lastName, @Nullable String company, @Nullable String title,
                           @Nullable String phone, @Nullable String timezone, @Nullable List<String> tags,
                           @Nullable List<CustomField> customFields, String source, String status, long version) {

    /** A custom field's value in canonical text ({@code 12.5}, {@code 2026-12-05}, {@code true}) and its type. */
    @Serdeable
    public record CustomField(String name, String type, String value) { }
}

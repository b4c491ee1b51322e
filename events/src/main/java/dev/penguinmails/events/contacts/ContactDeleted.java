package dev.penguinmails.events.contacts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code contact.deleted}: drop the copy; it carries nothing personal. */
@Serdeable
public record ContactDeleted(String contactId, long version) { }

package dev.penguinmails.events.usage;

import io.micronaut.serde.annotation.Serdeable;

/** {@code contact.created}: a contact was added to the workspace. */
@Serdeable
public record ContactCreated(String contactId) { }

package dev.penguinmails.events.contacts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code contact.updated}: its fields or status changed; replace the copy. */
@Serdeable
public record ContactUpdated(ContactState state) { }

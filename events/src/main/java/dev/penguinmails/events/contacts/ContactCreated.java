package dev.penguinmails.events.contacts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code contact.created}: a contact was added to the workspace; billing counts it by {@code contactId}. */
@Serdeable
public record ContactCreated(String contactId, ContactState state) { }

package dev.penguinmails.events.contacts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code contact.unsubscribed}: its status became unsubscribed; stop any sequence it is in. */
@Serdeable
public record ContactUnsubscribed(String contactId, String emailHash, long version) { }

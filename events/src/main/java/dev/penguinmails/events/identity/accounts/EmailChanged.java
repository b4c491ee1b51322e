package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.email_changed}: the change was confirmed; the old address is told. */
@Serdeable
public record EmailChanged(String userId, String name, String locale, String oldEmail, String newEmail) { }

package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.email_change_requested}: confirm at {@code newEmail}, notice to {@code oldEmail}. */
@Serdeable
public record EmailChangeRequested(String userId, String name, String locale, String oldEmail, String newEmail) { }

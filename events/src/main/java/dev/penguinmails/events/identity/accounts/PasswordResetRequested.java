package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.password_reset_requested}: someone asked to reset this account's password. */
@Serdeable
public record PasswordResetRequested(String userId, String email, String name, String locale) { }

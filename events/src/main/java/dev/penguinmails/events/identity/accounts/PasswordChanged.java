package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.password_changed}: the password was changed (by reset); every session was ended. */
@Serdeable
public record PasswordChanged(String userId, String email, String name, String locale, String reason) { }

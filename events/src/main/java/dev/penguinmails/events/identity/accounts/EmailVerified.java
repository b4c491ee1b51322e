package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.email_verified}: the address was proven; sending is unlocked. */
@Serdeable
public record EmailVerified(String userId, String email) { }

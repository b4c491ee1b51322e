package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.verification_requested}: the person asked for a new verification link. */
@Serdeable
public record VerificationRequested(String userId, String email, String name, String locale) { }

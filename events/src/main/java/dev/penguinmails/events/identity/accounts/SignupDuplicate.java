package dev.penguinmails.events.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/** {@code account.signup_duplicate}: someone tried to sign up with an address that has an account. */
@Serdeable
public record SignupDuplicate(String userId, String email, String name, String locale) { }

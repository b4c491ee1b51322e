package dev.penguinmails.identity.profile;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a confirmed address change. */
@Serdeable
public record EmailChangeResult(String email, boolean emailVerified, String message) {
}

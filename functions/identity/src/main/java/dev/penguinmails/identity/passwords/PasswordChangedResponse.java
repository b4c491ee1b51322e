package dev.penguinmails.identity.passwords;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a successful reset. */
@Serdeable
public record PasswordChangedResponse(String status, int sessionsRevoked, String message) {
}

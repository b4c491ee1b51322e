package dev.penguinmails.events.identity.apikeys;

import io.micronaut.serde.annotation.Serdeable;

/** {@code api_key.revoked}: the key stopped working at once. */
@Serdeable
public record ApiKeyRevoked(String keyId, String name, String actorId) { }

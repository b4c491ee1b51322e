package dev.penguinmails.events.identity.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code api_key.created}: never the key or its hash, only its visible {@code prefix};
 * {@code expiresAt} is ISO-8601, or null for a key that never expires.
 */
@Serdeable
public record ApiKeyCreated(String keyId, String name, String prefix, List<String> scopes, String actorId,
                            @Nullable String expiresAt) { }

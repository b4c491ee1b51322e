package dev.penguinmails.shared.auth;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/** The outcome of authenticating a credential: the principal and, for an API key, what the key grants. */
public record Authenticated(Principal principal, @Nullable ApiKeyGrant apiKey) {
    public Authenticated {
        Objects.requireNonNull(principal, "principal");
        if (principal.isUser() != (apiKey == null)) {
            throw new IllegalArgumentException("an API key principal comes with its grant, a person's without");
        }
    }
}

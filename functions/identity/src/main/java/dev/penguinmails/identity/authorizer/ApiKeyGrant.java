package dev.penguinmails.identity.authorizer;

import dev.penguinmails.shared.auth.Permission;


import java.util.Objects;
import java.util.Set;

/**
 * What a verified API key may do: the one workspace it belongs to, its scopes and its rate limit, and
 * the epoch second it stops working ({@code validUntil}, 0 for never).
 */
public record ApiKeyGrant(String keyId, String workspaceId, Set<String> scopes, int rateLimitPerMinute, long validUntil) {
    public ApiKeyGrant {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        scopes = Set.copyOf(scopes);
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("rateLimitPerMinute must be positive");
        }
    }

    /** Whether one of the key's scopes grants {@code permission}. */
    public boolean grants(Permission permission) {
        return permission.scope().map(scopes::contains).orElse(false);
    }
}

package dev.penguinmails.identity.apikeys;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A workspace API key as stored, without its secret (only the hash of the whole key is kept). */
public record ApiKey(String keyId, String workspaceId, String name, String prefix, Set<String> scopes,
                     int rateLimitPerMinute, Instant createdAt, String createdBy, @Nullable Instant validUntil,
                     @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
    public ApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** active, revoked or expired, at {@code now}. */
    public String status(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return validUntil != null && !validUntil.isAfter(now) ? "expired" : "active";
    }
}

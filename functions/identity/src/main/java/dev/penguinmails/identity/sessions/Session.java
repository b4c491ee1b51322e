package dev.penguinmails.identity.sessions;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A login session: one refresh-token family, with the device it was opened from. Revoking it ends
 * its refresh tokens and, through the session check every function makes, its access tokens.
 */
public record Session(String userId, String sessionId, SessionStatus status, Instant createdAt, Instant lastUsedAt,
                      Instant expiresAt, String ip, String userAgent, String device,
                      @Nullable Instant revokedAt, @Nullable String revokedReason) {
    public Session {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isActive(Instant now) {
        return status == SessionStatus.ACTIVE && expiresAt.isAfter(now);
    }
}

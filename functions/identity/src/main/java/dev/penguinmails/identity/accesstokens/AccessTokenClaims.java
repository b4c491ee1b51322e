package dev.penguinmails.identity.accesstokens;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified access token says: who the person is, which login session it belongs to (so that
 * revoking the session revokes the token), and whether their email address is verified.
 */
public record AccessTokenClaims(String userId, String sessionId, boolean emailVerified, String tokenId,
                                Instant issuedAt, Instant expiresAt) {
    public AccessTokenClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

package dev.penguinmails.identity.tokens;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored one-time token: only its SHA-256 is kept, with whose it is, what it proves, what it was
 * issued for ({@code data}, e.g. the address being verified) and when.
 */
public record OneTimeToken(String hash, TokenPurpose purpose, String userId, Map<String, String> data,
                           Instant issuedAt, Instant expiresAt) {
    public OneTimeToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(userId, "userId");
        data = Map.copyOf(data);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String data(String key) {
        String value = data.get(key);
        if (value == null) {
            throw new IllegalStateException(purpose + " token lacks " + key);
        }
        return value;
    }
}

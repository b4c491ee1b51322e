package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.tokens.SecretHash;


import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as clients send it: {@code pmk_<keyId>_<secret>}, where the key id ({@code key_<ULID>})
 * locates the stored key and the secret is 256 random bits in base64url. Only the SHA-256 of the whole
 * key is stored; the {@link #prefix()} stays visible so people can tell their keys apart.
 */
public record ApiKeyCredential(String keyId, String secret) {
    /** What every API key starts with; anything else in a Bearer header is an access token. */
    public static final String MARKER = "pmk_";
    private static final int SECRET_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("key_[0-9A-HJKMNP-TV-Z]{26}");
    private static final Pattern TOKEN = Pattern.compile("pmk_(key_[0-9A-HJKMNP-TV-Z]{26})_([A-Za-z0-9_-]{43})");
    private static final int VISIBLE_SECRET_CHARS = 4;

    public ApiKeyCredential {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("not an API key id: " + keyId);
        }
    }

    /** A fresh key with a new random secret for {@code keyId}. */
    public static ApiKeyCredential generate(String keyId) {
        return new ApiKeyCredential(keyId, SecretHash.randomSecret(SECRET_BYTES));
    }

    /** Whether a bearer credential is meant as an API key (even a malformed one). */
    public static boolean looksLikeApiKey(String bearer) {
        return bearer != null && bearer.startsWith(MARKER);
    }

    /** The key in {@code token}, if it has the exact shape of one of ours. */
    public static Optional<ApiKeyCredential> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(token);
        return m.matches() ? Optional.of(new ApiKeyCredential(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The whole key, as shown to its creator once and sent by clients. */
    public String token() {
        return MARKER + keyId + "_" + secret;
    }

    /** What is stored: hex SHA-256 of the whole key. */
    public String secretHash() {
        return SecretHash.sha256Hex(token());
    }

    /** The part safe to show again later: marker, key id and the first characters of the secret. */
    public String prefix() {
        return MARKER + keyId + "_" + secret.substring(0, VISIBLE_SECRET_CHARS);
    }

    @Override
    public String toString() {
        // Keys end up in logs through careless string concatenation; never print the secret.
        return prefix() + "…";
    }
}

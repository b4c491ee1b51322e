package dev.penguinmails.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Hashing and comparison of high-entropy secrets (API keys, one-time tokens). They are random and
 * 256 bits long, so a plain SHA-256 is enough to store them (no slow hash needed), and comparisons
 * run in constant time so that response timing leaks nothing about a stored hash.
 */
public final class SecretHash {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private SecretHash() { }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code secret}. */
    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether {@code secret} hashes to {@code storedHex}, compared in constant time. */
    public static boolean matches(String secret, String storedHex) {
        if (secret == null || storedHex == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256Hex(secret).getBytes(StandardCharsets.US_ASCII),
                storedHex.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new random secret of {@code bytes} bytes, base64url without padding (43 characters for 32 bytes). */
    public static String randomSecret(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return BASE64URL.encodeToString(raw);
    }
}

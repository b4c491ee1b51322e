package dev.penguinmails.identity.sessions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the token pair a refresh handed out under a key only the presented refresh token yields, so the
 * pair can be stored beside the used token (for the reuse grace window) without any token lying in the
 * table readable: the table keeps SHA-256 of the token, from which the key cannot be derived.
 * AES-256-GCM; the key is HMAC-SHA256(token, purpose); the stored token hash is bound in as associated data.
 */
final class SealedSuccessor {
    private static final byte[] PURPOSE = "penguinmails refresh-token successor v1".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedSuccessor() { }

    /** {@code plaintext} sealed under {@code rawToken}: nonce then ciphertext with tag. */
    static byte[] seal(String rawToken, String tokenHash, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, rawToken, tokenHash, nonce);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext, or empty when {@code sealed} was not sealed under this token (or was altered). */
    static Optional<byte[]> open(String rawToken, String tokenHash, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, rawToken, tokenHash, Arrays.copyOf(sealed, NONCE_BYTES));
            return Optional.of(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
        } catch (GeneralSecurityException wrongKeyOrAltered) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String rawToken, String tokenHash, byte[] nonce) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(rawToken.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(mac.doFinal(PURPOSE), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(tokenHash.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}

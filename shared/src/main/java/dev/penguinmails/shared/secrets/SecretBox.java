package dev.penguinmails.shared.secrets;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of customer secrets (DKIM private keys, SMTP and IMAP passwords): each secret gets its own
 * AES-256-GCM data key from {@link DataKeys}, and is stored as {@code pm1.<wrapped key>.<nonce>.<ciphertext>}
 * (base64url). The {@link SecretContext} is the associated data of both layers. Plaintext never reaches a log:
 * the sealed form is the only one that leaves this class.
 */
public final class SecretBox {
    private static final String VERSION = "pm1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(DataKeys keys) {
        this.keys = keys;
    }

    public String seal(byte[] plaintext, SecretContext context) {
        DataKeys.DataKey dataKey = keys.newDataKey(context);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, dataKey.plain(), nonce, context.canonical()).doFinal(plaintext);
            return VERSION + "." + B64.encodeToString(dataKey.wrapped()) + "." + B64.encodeToString(nonce) + "."
                    + B64.encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        } finally {
            Arrays.fill(dataKey.plain(), (byte) 0);
        }
    }

    /** The plaintext of {@code sealed}; {@link SecretUnreadableException} if it was altered or sealed for another context. */
    public byte[] open(String sealed, SecretContext context) {
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new SecretUnreadableException("not a sealed secret of version " + VERSION);
        }
        byte[] plainKey = null;
        try {
            plainKey = keys.unwrap(B64D.decode(parts[1]), context);
            return gcm(Cipher.DECRYPT_MODE, plainKey, B64D.decode(parts[2]), context.canonical())
                    .doFinal(B64D.decode(parts[3]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadableException("the sealed secret does not open in this context");
        } finally {
            if (plainKey != null) {
                Arrays.fill(plainKey, (byte) 0);
            }
        }
    }

    static Cipher gcm(int mode, byte[] key, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }

    /** {@code nonce || AES-GCM(ciphertext)} of {@code plain} under {@code key}: how the local master key wraps. */
    static byte[] wrap(byte[] key, byte[] plain, byte[] associatedData, SecureRandom random) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, associatedData).doFinal(plain);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    static byte[] unwrap(byte[] key, byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
        if (wrapped.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("wrapped key too short");
        }
        return gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOf(wrapped, NONCE_BYTES), associatedData)
                .doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
    }
}

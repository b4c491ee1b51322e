package dev.penguinmails.shared.secrets;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stand-in for the KMS key: an AES-256 master key held by the process (the local stack keeps it in its
 * data folder, tests generate one). Wraps data keys with AES-GCM, the context as associated data, as KMS binds its
 * encryption context.
 */
public final class LocalDataKeys implements DataKeys {
    private final byte[] masterKey;
    private final SecureRandom random = new SecureRandom();

    public LocalDataKeys(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the local master key must be 32 bytes (AES-256), not " + masterKey.length);
        }
        this.masterKey = masterKey.clone();
    }

    /** From its base64 form, as {@code penguinmails.keys.customer-secrets-local} carries it. */
    public static LocalDataKeys fromBase64(String base64) {
        return new LocalDataKeys(Base64.getDecoder().decode(base64.strip()));
    }

    /** A new random master key, base64: what the local stack stores once. */
    public static String newMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public DataKey newDataKey(SecretContext context) {
        byte[] plain = new byte[32];
        random.nextBytes(plain);
        try {
            return new DataKey(plain, SecretBox.wrap(masterKey, plain, context.canonical(), random));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, SecretContext context) {
        try {
            return SecretBox.unwrap(masterKey, wrapped, context.canonical());
        } catch (GeneralSecurityException e) {
            throw new SecretUnreadableException("the data key does not open with this master key in this context");
        }
    }
}

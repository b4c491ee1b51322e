package dev.penguinmails.shared.secrets;

/**
 * The master key of envelope encryption: it makes fresh data keys and unwraps them, and never leaves its home
 * (KMS on AWS; a local key in the local stack and tests).
 */
public interface DataKeys {

    /** A new AES-256 data key, in plain (used once, then dropped) and wrapped (stored with the ciphertext). */
    DataKey newDataKey(SecretContext context);

    /** The plain data key of {@code wrapped}; fails if the context differs from the one it was made with. */
    byte[] unwrap(byte[] wrapped, SecretContext context);

    record DataKey(byte[] plain, byte[] wrapped) { }
}

package dev.penguinmails.domains.dkim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** Generates DKIM signing keys. */
public final class DkimKeys {
    /** RSA 2048: RFC 8301 requires at least 1024 bits, and 2048 still fits TXT records split into strings. */
    public static final int RSA_BITS = 2048;

    private DkimKeys() {
    }

    /** A new RSA 2048 key pair. */
    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides RSA", e);
        }
    }
}

package dev.penguinmails.identity.accesstokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs with an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY): the private key never leaves KMS, and
 * only a role granted {@code kms:Sign} on it can issue tokens. KMS answers with a DER-encoded ECDSA
 * signature; JWS wants R||S, so every signature is transcoded.
 */
final class KmsAccessTokenSigner implements AccessTokenSigner {
    // R and S of a P-256 signature, 32 bytes each.
    private static final int ES256_SIGNATURE_LENGTH = 64;
    private final KmsClient kms;
    private final String keyArn;
    private final String keyId;

    KmsAccessTokenSigner(KmsClient kms, String keyArn, String keyId) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.keyArn = Objects.requireNonNull(keyArn, "keyArn");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        // We hash and send the digest: the request stays 32 bytes whatever the token's size (RAW caps at 4 KB).
        byte[] digest = sha256(signingInput);
        byte[] der;
        try {
            der = kms.sign(b -> b.keyId(keyArn)
                    .message(SdkBytes.fromByteArray(digest))
                    .messageType(MessageType.DIGEST)
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                    .signature().asByteArray();
        } catch (SdkException e) {
            throw new IllegalStateException("KMS could not sign an access token with " + keyArn, e);
        }
        return joseSignature(der);
    }

    /** A DER ECDSA signature (as KMS and JCA's SHA256withECDSA make them) in JWS form: R||S, 64 bytes. */
    static byte[] joseSignature(byte[] der) {
        try {
            return ECDSA.transcodeSignatureToConcat(der, ES256_SIGNATURE_LENGTH);
        } catch (JOSEException e) {
            throw new IllegalStateException("KMS returned a signature that is not DER-encoded ECDSA", e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

package dev.penguinmails.identity.accesstokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.micronaut.context.exceptions.ConfigurationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * The access-token key kept in KMS, as this process knows it: its public half, read once with
 * {@code GetPublicKey} (verification needs no further KMS call), and its key id, the {@code kid} of
 * every token it signs.
 *
 * @param keyArn the key's ARN, as KMS reports it
 * @param publicKey the public JWK, with {@code kid} = the key id in the ARN (stable for the key's life)
 */
record KmsAccessTokenKey(String keyArn, ECKey publicKey) {

    /** Reads the public key of {@code keyArn}; refuses a key that is not an ECC_NIST_P256 signing key. */
    static KmsAccessTokenKey load(KmsClient kms, String configuredKey) {
        GetPublicKeyResponse response;
        try {
            response = kms.getPublicKey(b -> b.keyId(configuredKey));
        } catch (SdkException e) {
            throw new ConfigurationException("cannot read the public key of the access-token KMS key "
                    + configuredKey + ": " + e.getMessage(), e);
        }
        if (response.keySpec() != KeySpec.ECC_NIST_P256 || response.keyUsage() != KeyUsageType.SIGN_VERIFY
                || !response.signingAlgorithms().contains(SigningAlgorithmSpec.ECDSA_SHA_256)) {
            throw new ConfigurationException("the access-token KMS key " + configuredKey + " must be an "
                    + "ECC_NIST_P256 SIGN_VERIFY key (it is " + response.keySpecAsString() + " "
                    + response.keyUsageAsString() + ")");
        }
        try {
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(response.publicKey().asByteArray()));
            ECKey jwk = new ECKey.Builder(Curve.P_256, key).keyID(keyId(response.keyId()))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build();
            return new KmsAccessTokenKey(response.keyId(), jwk);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new ConfigurationException("the public key of " + configuredKey + " is not a P-256 key", e);
        }
    }

    /** The key id in a key ARN ({@code arn:aws:kms:<region>:<account>:key/<id>}), or the argument if it is one. */
    static String keyId(String keyArnOrId) {
        int slash = keyArnOrId.lastIndexOf(":key/");
        return slash < 0 ? keyArnOrId : keyArnOrId.substring(slash + ":key/".length());
    }

    /** The public key set verifiers use. */
    JWKSet verificationKeys() {
        return new JWKSet(publicKey);
    }

    /** A signer with this key; only a role with {@code kms:Sign} on it can use it. */
    AccessTokenSigner signer(KmsClient kms) {
        return new KmsAccessTokenSigner(kms, keyArn, publicKey.getKeyID());
    }
}

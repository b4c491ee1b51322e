package dev.penguinmails.identity.accesstokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;

/** Signs with a private EC JWK held in memory: the local stack's and the tests' signer. */
final class JwkAccessTokenSigner implements AccessTokenSigner {
    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);
    private final ECKey key;
    private final ECDSASigner signer;

    JwkAccessTokenSigner(ECKey key) {
        if (!key.isPrivate() || key.getKeyID() == null) {
            throw new IllegalArgumentException("the signing key must be a private EC key with a key id");
        }
        this.key = key;
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key is not a usable P-256 key", e);
        }
    }

    @Override
    public String keyId() {
        return key.getKeyID();
    }

    @Override
    public byte[] sign(byte[] signingInput) {
        try {
            // Nimbus's ECDSA signer already answers in JOSE's R||S form.
            return signer.sign(ES256, signingInput).decode();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
    }
}

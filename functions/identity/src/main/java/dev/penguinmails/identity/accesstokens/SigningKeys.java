package dev.penguinmails.identity.accesstokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;

/** Makes token-signing keys: for the local stack and tests here, and for key rotation on AWS. */
public final class SigningKeys {
    private SigningKeys() { }

    /** A new private P-256 JWK (JSON) with the given key id. */
    public static String generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a P-256 key", e);
        }
    }

    /** The public JWK Set (JSON) that verifies tokens signed with {@code privateJwkJson}. */
    public static String publicKeySet(String privateJwkJson) {
        try {
            return new JWKSet(ECKey.parse(privateJwkJson).toPublicJWK()).toString();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an EC JWK", e);
        }
    }
}

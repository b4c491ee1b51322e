package dev.penguinmails.identity.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * KMS answers {@code Sign} with a DER ECDSA signature, as JCA's {@code SHA256withECDSA} does; these tests
 * make real DER signatures with JCA and check that, transcoded, they are ES256 signatures that Nimbus and
 * {@link AccessTokens} accept.
 */
class KmsAccessTokenSignerTest {
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] derSignature(KeyPair key, byte[] input) throws Exception {
        Signature jca = Signature.getInstance("SHA256withECDSA");
        jca.initSign(key.getPrivate());
        jca.update(input);
        return jca.sign();
    }

    private static JWTClaimsSet claims(int i) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).audience(AccessTokens.AUDIENCE)
                .subject("usr_" + i).claim("sid", "ses_" + i).claim("ev", i % 2 == 0).jwtID("at_" + i)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).build();
    }

    @Test
    void aJcaDerSignatureTranscodedToJoseVerifiesWithNimbusEs256() throws Exception {
        KeyPair key = p256();
        ECDSAVerifier nimbus = new ECDSAVerifier((ECPublicKey) key.getPublic());
        AccessTokens tokens = AccessTokens.verifier(new JWKSet(new ECKey.Builder(Curve.P_256, (ECPublicKey) key.getPublic())
                .keyID("kms-key").build()));
        Set<Integer> derLengths = new HashSet<>();
        // Enough signatures that some R or S is shorter than 32 bytes or has its top bit set (DER pads it
        // with a zero byte): the transcoding must left-pad or strip to exactly 32 bytes each.
        for (int i = 0; i < 300; i++) {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(AT_JWT).keyID("kms-key").build();
            SignedJWT unsigned = new SignedJWT(header, claims(i));
            byte[] der = derSignature(key, unsigned.getSigningInput());
            derLengths.add(der.length);

            byte[] jose = KmsAccessTokenSigner.joseSignature(der);

            assertThat(jose).hasSize(64);
            SignedJWT signed = new SignedJWT(header.toBase64URL(), unsigned.getPayload().toBase64URL(), Base64URL.encode(jose));
            assertThat(SignedJWT.parse(signed.serialize()).verify(nimbus)).as("signature %d", i).isTrue();
            assertThat(tokens.verify(signed.serialize()).userId()).isEqualTo("usr_" + i);
        }
        assertThat(derLengths).as("DER lengths seen").hasSizeGreaterThan(1);
    }

    @Test
    void theUntranscodedDerSignatureIsNotAValidJws() throws Exception {
        KeyPair key = p256();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(AT_JWT).build();
        SignedJWT unsigned = new SignedJWT(header, claims(1));
        byte[] der = derSignature(key, unsigned.getSigningInput());
        SignedJWT raw = new SignedJWT(header.toBase64URL(), unsigned.getPayload().toBase64URL(), Base64URL.encode(der));

        assertThat(SignedJWT.parse(raw.serialize()).verify(new ECDSAVerifier((ECPublicKey) key.getPublic()))).isFalse();
    }

    @Test
    void somethingThatIsNotDerIsRefused() {
        assertThatThrownBy(() -> KmsAccessTokenSigner.joseSignature(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not DER-encoded ECDSA");
    }

    @Test
    void theKeyIdIsTheIdInTheKeyArn() {
        assertThat(KmsAccessTokenKey.keyId("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                .isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(KmsAccessTokenKey.keyId("arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd"))
                .isEqualTo("mrk-1234abcd");
        assertThat(KmsAccessTokenKey.keyId("1234abcd-12ab")).isEqualTo("1234abcd-12ab");
    }
}

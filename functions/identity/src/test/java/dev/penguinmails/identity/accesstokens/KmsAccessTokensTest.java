package dev.penguinmails.identity.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.penguinmails.testsupport.KmsAndSecretsStandIn;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The KMS path of {@link AccessTokensFactory}, through the real KMS SDK client against a wire-level stand-in
 * for GetPublicKey and Sign (there is no KMS emulator here; see docs/decisions/0006). A deployed stage
 * ({@code prod}) is used, so the keys are also loaded at startup as on AWS.
 */
class KmsAccessTokensTest {
    private static final KmsAndSecretsStandIn KMS = new KmsAndSecretsStandIn();

    @AfterAll
    static void stop() {
        KMS.close();
    }

    private static ApplicationContext deployed(String key, String arn) {
        Map<String, Object> properties = new HashMap<>(KMS.endpointProperties());
        properties.put(ConfigKeys.STAGE, "prod");
        properties.put(ConfigKeys.CURSOR_SECRET, "a-cursor-secret-that-is-long-enough-for-hmac");
        properties.put(key, arn);
        // Identity refuses a deployed stage without its email settings.
        properties.put(ConfigKeys.APP_BASE_URL, "https://app.example.com");
        properties.put(ConfigKeys.MAIL_FROM, "no-reply@example.com");
        return ApplicationContext.run(properties);
    }

    private static AccessTokenClaims claims(String userId) {
        Instant now = Instant.now();
        return new AccessTokenClaims(userId, "ses_1", true, "at_" + userId, now, now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void identitySignsWithKmsAndAnotherFunctionVerifiesWithThePublicKeyReadOnceAtStartup() throws Exception {
        try (ApplicationContext identity = deployed(ConfigKeys.ACCESS_TOKEN_SIGNING_KMS_KEY, KmsAndSecretsStandIn.KEY_ARN)) {
            int signs = KMS.calls("Sign");
            AccessTokens issuer = identity.getBean(AccessTokens.class);
            String token = issuer.sign(claims("usr_kms"));
            assertThat(KMS.calls("Sign")).isEqualTo(signs + 1);

            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(KmsAndSecretsStandIn.KEY_ID);
            assertThat(issuer.verify(token).userId()).isEqualTo("usr_kms");

            int lookups = KMS.calls("GetPublicKey");
            try (ApplicationContext other = deployed(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY, KmsAndSecretsStandIn.KEY_ARN)) {
                assertThat(KMS.calls("GetPublicKey")).as("read while the context started").isEqualTo(lookups + 1);
                AccessTokens verifier = other.getBean(AccessTokens.class);
                for (int i = 0; i < 3; i++) {
                    assertThat(verifier.verify(token).sessionId()).isEqualTo("ses_1");
                }
                assertThat(KMS.calls("GetPublicKey")).as("cached").isEqualTo(lookups + 1);
                assertThat(verifier.canSign()).isFalse();
                assertThatThrownBy(() -> verifier.sign(claims("usr_x"))).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void aKmsSignedTokenVerifiesWithTheSameCodeAsAJwkVerifierOfThatPublicKey() throws Exception {
        try (ApplicationContext identity = deployed(ConfigKeys.ACCESS_TOKEN_SIGNING_KMS_KEY, KmsAndSecretsStandIn.KEY_ARN)) {
            String token = identity.getBean(AccessTokens.class).sign(claims("usr_jwk"));
            ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(KMS.publicKeyDer()));
            String jwkSet = new JWKSet(new ECKey.Builder(Curve.P_256, publicKey).keyID(KmsAndSecretsStandIn.KEY_ID).build()).toString();

            assertThat(AccessTokens.verifier(jwkSet).verify(token).userId()).isEqualTo("usr_jwk");
            String foreign = AccessTokens.signer(SigningKeys.generate(KmsAndSecretsStandIn.KEY_ID), null).sign(claims("usr_jwk"));
            assertThatThrownBy(() -> identity.getBean(AccessTokens.class).verify(foreign)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void aKeyThatIsNotAP256SigningKeyOrDoesNotExistStopsTheFunctionAtStartup() {
        KMS.reportKeySpec("RSA_2048");
        try {
            assertThatThrownBy(() -> deployed(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY, KmsAndSecretsStandIn.KEY_ARN))
                    .satisfies(e -> assertThat(StartupFailures.messages(e))
                            .contains("Refusing to start on stage 'prod': the access-token keys could not be loaded")
                            .contains("must be an ECC_NIST_P256 SIGN_VERIFY key (it is RSA_2048"));
        } finally {
            KMS.reportKeySpec("ECC_NIST_P256");
        }
        String unknown = "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> deployed(ConfigKeys.ACCESS_TOKEN_VERIFICATION_KMS_KEY, unknown))
                .satisfies(e -> assertThat(StartupFailures.messages(e))
                        .contains("cannot read the public key of the access-token KMS key " + unknown)
                        .contains("does not exist"));
    }
}

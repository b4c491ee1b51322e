package dev.penguinmails.identity.accesstokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Signs and verifies access tokens: ES256 JWTs of type {@code at+jwt}. Only ES256 from our own key set
 * is accepted, so {@code alg=none}, HMAC confusion and foreign keys all fail. Verifiers hold only public
 * keys; signing goes through an {@link AccessTokenSigner}, a private JWK locally and a KMS key on AWS,
 * and tokens of either kind are verified by the same code.
 */
public final class AccessTokens {
    public static final String ISSUER = "https://penguinmails.dev";
    public static final String AUDIENCE = "penguinmails-api";
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private static final int MAX_CLOCK_SKEW_SECONDS = 30;

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Optional<AccessTokenSigner> signer;

    private AccessTokens(JWKSet verificationKeys, AccessTokenSigner signer) {
        this.signer = Optional.ofNullable(signer);
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(verificationKeys)));
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(AUDIENCE,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(),
                new HashSet<>(Set.of("sub", "sid", "jti", "iat", "exp")));
        verifier.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(verifier);
    }

    /** A verifier for the given public JWK Set (JSON). */
    public static AccessTokens verifier(String verificationJwkSetJson) {
        try {
            return new AccessTokens(JWKSet.parse(verificationJwkSetJson).toPublicJWKSet(), null);
        } catch (ParseException e) {
            throw new IllegalArgumentException("penguinmails.auth.verification-keys is not a JWK Set", e);
        }
    }

    /** A signer and verifier for the given private EC JWK (JSON); it verifies with its own public half. */
    public static AccessTokens signer(String signingJwkJson, String verificationJwkSetJson) {
        try {
            ECKey key = ECKey.parse(signingJwkJson);
            JwkAccessTokenSigner signer = new JwkAccessTokenSigner(key);
            JWKSet verification = verificationJwkSetJson == null || verificationJwkSetJson.isBlank()
                    ? new JWKSet(key.toPublicJWK()) : JWKSet.parse(verificationJwkSetJson).toPublicJWKSet();
            return new AccessTokens(verification, signer);
        } catch (ParseException e) {
            throw new IllegalArgumentException("penguinmails.auth.signing-key is not an EC JWK", e);
        }
    }

    /** A verifier for the given public keys: the KMS path, with the key read from KMS. */
    public static AccessTokens verifier(JWKSet verificationKeys) {
        return new AccessTokens(verificationKeys.toPublicJWKSet(), null);
    }

    /** A signer (e.g. KMS) and verifier; {@code verificationKeys} must hold the signer's public key. */
    public static AccessTokens signer(AccessTokenSigner signer, JWKSet verificationKeys) {
        return new AccessTokens(verificationKeys.toPublicJWKSet(), Objects.requireNonNull(signer, "signer"));
    }

    /** Whether this instance can issue tokens, not only verify them. */
    public boolean canSign() {
        return signer.isPresent();
    }

    public String sign(AccessTokenClaims claims) {
        AccessTokenSigner tokenSigner = signer.orElseThrow(() -> new IllegalStateException("this function cannot issue tokens"));
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE)
                .subject(claims.userId())
                .claim("sid", claims.sessionId())
                .claim("ev", claims.emailVerified())
                .jwtID(claims.tokenId())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE)
                    .keyID(tokenSigner.keyId()).build(), set);
            jwt.sign(new Es256(tokenSigner));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
    }

    /** The claims of a valid token; otherwise {@link InvalidTokenException} with a reason safe to show. */
    public AccessTokenClaims verify(String token) {
        try {
            JWTClaimsSet set = processor.process(token, null);
            Boolean verified = set.getBooleanClaim("ev");
            return new AccessTokenClaims(set.getSubject(), set.getStringClaim("sid"), Boolean.TRUE.equals(verified),
                    set.getJWTID(), set.getIssueTime().toInstant(), set.getExpirationTime().toInstant());
        } catch (BadJWTException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            throw new InvalidTokenException(msg.toLowerCase(java.util.Locale.ROOT).contains("expired") ? "The access token has expired." : "The access token is not valid.");
        } catch (ParseException | JOSEException | com.nimbusds.jose.proc.BadJOSEException | RuntimeException e) {
            throw new InvalidTokenException("The access token is not valid.");
        }
    }

    /** Nimbus's signer interface over ours, so that Nimbus builds the signing input and the serialization. */
    private static final class Es256 implements JWSSigner {
        private final AccessTokenSigner signer;
        private final JCAContext jca = new JCAContext();

        Es256(AccessTokenSigner signer) {
            this.signer = signer;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            return Base64URL.encode(signer.sign(signingInput));
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.ES256);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}

package dev.penguinmails.identity.accesstokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private final String key = SigningKeys.generate("k1");
    private final AccessTokens signer = AccessTokens.signer(key, null);
    private final AccessTokens verifier = AccessTokens.verifier(SigningKeys.publicKeySet(key));

    private AccessTokenClaims claims(Instant issued, Duration ttl) {
        return new AccessTokenClaims("usr_1", "ses_1", true, "jti_1", issued, issued.plus(ttl));
    }

    @Test
    void aSignedTokenVerifiesWithThePublicKeyOnly() {
        String token = signer.sign(claims(Instant.now(), Duration.ofMinutes(15)));
        AccessTokenClaims read = verifier.verify(token);
        assertThat(read.userId()).isEqualTo("usr_1");
        assertThat(read.sessionId()).isEqualTo("ses_1");
        assertThat(read.emailVerified()).isTrue();
        assertThatThrownBy(() -> verifier.sign(claims(Instant.now(), Duration.ofMinutes(1))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = signer.sign(claims(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15)));
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessage("The access token has expired.");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = signer.sign(claims(Instant.now(), Duration.ofMinutes(15)));
        String[] parts = token.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1])).replace("usr_1", "usr_2");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void algNoneAndHmacAndForeignKeysAreRefused() throws Exception {
        JWTClaimsSet set = new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).audience(AccessTokens.AUDIENCE)
                .subject("usr_1").claim("sid", "ses_1").jwtID("j").issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
        String none = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(), set).serialize();
        assertThatThrownBy(() -> verifier.verify(none)).isInstanceOf(InvalidTokenException.class);

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(), set);
        hmac.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes()));
        assertThatThrownBy(() -> verifier.verify(hmac.serialize())).isInstanceOf(InvalidTokenException.class);

        String foreign = AccessTokens.signer(SigningKeys.generate("k1"), null).sign(claims(Instant.now(), Duration.ofMinutes(5)));
        assertThatThrownBy(() -> verifier.verify(foreign)).isInstanceOf(InvalidTokenException.class);
    }
}

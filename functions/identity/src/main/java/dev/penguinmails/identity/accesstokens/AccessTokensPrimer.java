package dev.penguinmails.identity.accesstokens;

import dev.penguinmails.shared.priming.Primer;
import java.time.Instant;

/**
 * Signs and verifies one access token with a throwaway P-256 key, early in init: JOSE, its JSON and the JCA's
 * elliptic-curve code load on the early-priming thread instead of in the context's access-token bean (init) and
 * the first login or authorizer call. The key is made here and never used again. It needs no beans, so it is
 * listed in {@code META-INF/services} (shared's EarlyPriming).
 */
public final class AccessTokensPrimer implements Primer {

    @Override
    public String name() {
        return "access-tokens";
    }

    @Override
    public void prime() {
        AccessTokens tokens = AccessTokens.signer(SigningKeys.generate("primer"), null);
        Instant now = Instant.now();
        String token = tokens.sign(new AccessTokenClaims("usr_primer", "ses_primer", true, "tok_primer", now,
                now.plusSeconds(60)));
        if (!"usr_primer".equals(tokens.verify(token).userId())) {
            throw new IllegalStateException("a token signed while priming did not verify");
        }
    }
}

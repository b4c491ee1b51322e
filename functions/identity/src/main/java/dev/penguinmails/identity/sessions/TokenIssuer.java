package dev.penguinmails.identity.sessions;

import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accesstokens.AccessTokenClaims;
import dev.penguinmails.identity.accesstokens.AccessTokens;
import dev.penguinmails.shared.ids.Ids;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Mints the token pair a client holds: a short-lived access token and the session's next refresh token. */
@Singleton
public class TokenIssuer {
    private final AccessTokens accessTokens;
    private final AuthSettings settings;

    public TokenIssuer(AccessTokens accessTokens, AuthSettings settings) {
        this.accessTokens = accessTokens;
        this.settings = settings;
    }

    public TokenResponse issue(User user, Session session, String refreshToken) {
        // JWT times are whole seconds; truncating keeps exp - iat exactly the configured lifetime.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(settings.accessTokenTtl());
        String access = accessTokens.sign(new AccessTokenClaims(user.userId(), session.sessionId(), user.emailVerified(),
                Ids.newId("at"), now, expires));
        return new TokenResponse(access, refreshToken, settings.accessTokenTtl().toSeconds(), "Bearer",
                session.sessionId(), user.emailVerified());
    }
}

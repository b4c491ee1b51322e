package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.ratelimit.Limit;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Turns a bearer credential into a {@link Principal}: an API key ({@code pmk_...}) is verified against
 * its stored hash and rate limited per key; anything else must be one of our access tokens whose login
 * session is still active.
 */
@Singleton
public class Authenticator {
    private static final String SESSION_ENDED = "Your session has ended; sign in again.";

    private final AccessTokens tokens;
    private final SessionCheck sessions;
    private final ApiKeyAuthenticator apiKeys;
    private final RateLimiter rateLimiter;

    public Authenticator(AccessTokens tokens, SessionCheck sessions, ApiKeyAuthenticator apiKeys, RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
    }

    /**
     * The caller behind {@code bearer}.
     *
     * @throws ProblemException 401 for a bad, expired or revoked credential; 429 when an API key is over its limit
     */
    public Authenticated authenticate(String bearer) {
        try {
            if (ApiKeyCredential.looksLikeApiKey(bearer)) {
                ApiKeyGrant grant = apiKeys.authenticate(bearer);
                // Counted before any workspace lookup, so probing other workspaces costs the key its budget too.
                rateLimiter.tryConsume(bucketKey(grant.keyId()), Limit.perMinute(grant.rateLimitPerMinute()))
                        .orThrow("This API key is over its limit of " + grant.rateLimitPerMinute() + " requests a minute.");
                apiKeys.recordUse(grant.keyId());
                return new Authenticated(Principal.apiKey(grant.keyId(), grant.workspaceId()), grant);
            }
            AccessTokenClaims claims = tokens.verify(bearer);
            if (!sessions.isActive(claims.userId(), claims.sessionId())) {
                throw new InvalidTokenException(SESSION_ENDED);
            }
            return new Authenticated(Principal.user(claims.userId(), claims.sessionId(), claims.emailVerified()), null);
        } catch (InvalidTokenException e) {
            throw AuthProblems.unauthenticated(e.getMessage());
        }
    }

    /** The caller behind {@code bearer} if it is valid, without spending rate limit; never throws for bad credentials. */
    public Optional<Authenticated> tryAuthenticate(String bearer) {
        try {
            if (ApiKeyCredential.looksLikeApiKey(bearer)) {
                ApiKeyGrant grant = apiKeys.authenticate(bearer);
                return Optional.of(new Authenticated(Principal.apiKey(grant.keyId(), grant.workspaceId()), grant));
            }
            AccessTokenClaims claims = tokens.verify(bearer);
            return sessions.isActive(claims.userId(), claims.sessionId())
                    ? Optional.of(new Authenticated(Principal.user(claims.userId(), claims.sessionId(), claims.emailVerified()), null))
                    : Optional.empty();
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }

    /** The rate-limit bucket of an API key. */
    public static String bucketKey(String keyId) {
        return "apikey:" + keyId;
    }
}

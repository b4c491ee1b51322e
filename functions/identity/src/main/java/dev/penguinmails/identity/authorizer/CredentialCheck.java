package dev.penguinmails.identity.authorizer;

import dev.penguinmails.identity.accesstokens.AccessTokenClaims;
import dev.penguinmails.identity.accesstokens.AccessTokens;
import dev.penguinmails.identity.accesstokens.InvalidTokenException;
import dev.penguinmails.shared.auth.AuthorizerContext;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.ratelimit.Decision;
import dev.penguinmails.shared.ratelimit.Limit;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authorizer's judgement of an {@code Authorization} header. A header that is not
 * {@code Bearer <access token | API key>} in shape is {@linkplain Optional#empty() refused outright}
 * (API Gateway answers 403). Any well-formed credential gets a context: the caller with their memberships
 * (people) or the key's workspace and scopes, or a verdict the function turns into a 401 problem (expired,
 * revoked, unknown) or a 429 (too many failed credentials from one address), so clients learn to refresh.
 */
@Singleton
public class CredentialCheck {
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern API_KEY_SHAPE = Pattern.compile("pmk_[A-Za-z0-9_-]{1,200}");
    private static final int MAX_CREDENTIAL_LENGTH = 4096;
    private static final String SESSION_ENDED = "Your session has ended; sign in again.";

    private final AccessTokens tokens;
    private final SessionCheck sessions;
    private final ApiKeyAuthenticator apiKeys;
    private final WorkspaceAccess workspaces;
    private final Memberships memberships;
    private final RateLimiter rateLimiter;
    private final Limit failuresPerAddress;

    public CredentialCheck(AccessTokens tokens, SessionCheck sessions, ApiKeyAuthenticator apiKeys,
                           WorkspaceAccess workspaces, Memberships memberships, RateLimiter rateLimiter,
                           AuthorizerSettings settings) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.rateLimiter = rateLimiter;
        this.failuresPerAddress = settings.failuresPerAddress();
    }

    /** The bearer credential of a well-formed header, else empty. */
    public static Optional<String> credential(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String trimmed = authorizationHeader.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        String credential = trimmed.substring(space + 1).strip();
        boolean shaped = credential.length() <= MAX_CREDENTIAL_LENGTH
                && (JWT_SHAPE.matcher(credential).matches() || API_KEY_SHAPE.matcher(credential).matches());
        return shaped ? Optional.of(credential) : Optional.empty();
    }

    /**
     * The context for {@code authorizationHeader} sent from {@code sourceIp}; empty when the header is malformed.
     * A failed credential costs the address one of its failures a minute; past them, the verdict is THROTTLED.
     */
    public Optional<AuthorizerContext> judge(String authorizationHeader, String sourceIp) {
        return credential(authorizationHeader).map(credential -> {
            AuthorizerContext context = contextFor(credential);
            if (context.verdict() == AuthorizerContext.Verdict.UNAUTHENTICATED) {
                Decision allowed = rateLimiter.tryConsume("authfail:" + (sourceIp == null ? "unknown" : sourceIp),
                        failuresPerAddress);
                if (!allowed.allowed()) {
                    return AuthorizerContext.throttled(Math.max(1, allowed.retryAfter().toSeconds()),
                            "Too many invalid credentials from your address; try again later.");
                }
            }
            return context;
        });
    }

    /** The live caller behind a well-formed bearer credential, for identity's own public routes; spends no limit. */
    public Optional<Principal> principal(String authorizationHeader) {
        return credential(authorizationHeader).map(this::contextFor)
                .filter(c -> c.verdict() == AuthorizerContext.Verdict.ALLOW)
                .filter(c -> c.kind() == dev.penguinmails.shared.tenancy.PrincipalKind.USER || c.keyWorkspaceActive())
                .map(AuthorizerContext::principal);
    }

    private AuthorizerContext contextFor(String credential) {
        try {
            if (ApiKeyCredential.looksLikeApiKey(credential)) {
                ApiKeyGrant grant = apiKeys.authenticate(credential);
                apiKeys.recordUse(grant.keyId());
                return AuthorizerContext.apiKey(grant.keyId(), grant.workspaceId(),
                        workspaces.isActive(grant.workspaceId()), grant.scopes(), grant.rateLimitPerMinute(),
                        grant.validUntil());
            }
            AccessTokenClaims claims = tokens.verify(credential);
            if (!sessions.isActive(claims.userId(), claims.sessionId())) {
                throw new InvalidTokenException(SESSION_ENDED);
            }
            return AuthorizerContext.user(claims.userId(), claims.sessionId(), claims.emailVerified(),
                    claims.expiresAt().getEpochSecond(), memberships.of(claims.userId()));
        } catch (InvalidTokenException e) {
            return AuthorizerContext.unauthenticated(e.getMessage());
        }
    }
}

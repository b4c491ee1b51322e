package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.PrincipalKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent an authenticated request: a person (by access token, with the login session it belongs to
 * and whether their email is verified) or an API key (with the one workspace it belongs to).
 * Controllers take it as a method argument (being a {@link java.security.Principal}, it stays out of
 * the generated OpenAPI parameters).
 *
 * @param id          the user id for people, the key id for API keys
 * @param sessionId   the login session of a person's access token; null for API keys
 * @param workspaceId the workspace an API key belongs to; null for people
 */
public record Principal(String id, PrincipalKind kind, @Nullable String sessionId, boolean emailVerified,
                        @Nullable String workspaceId) implements java.security.Principal {
    /** Request attribute under which authentication leaves the principal. */
    public static final String ATTRIBUTE = "penguinmails.auth.principal";

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (kind == PrincipalKind.USER && sessionId == null) {
            throw new IllegalArgumentException("a person's principal needs the session id");
        }
        if (kind == PrincipalKind.API_KEY && workspaceId == null) {
            throw new IllegalArgumentException("an API key's principal needs its workspace id");
        }
    }

    public static Principal user(String userId, String sessionId, boolean emailVerified) {
        return new Principal(userId, PrincipalKind.USER, sessionId, emailVerified, null);
    }

    /** API keys count as verified: only verified people may create keys that send. */
    public static Principal apiKey(String keyId, String workspaceId) {
        return new Principal(keyId, PrincipalKind.API_KEY, null, true, workspaceId);
    }

    /** The id; also what {@code HttpRequest.getUserPrincipal()} names. */
    @Override
    public String getName() {
        return id;
    }

    public boolean isUser() {
        return kind == PrincipalKind.USER;
    }

    /** The person's user id; a 403 problem for API keys, on endpoints that only people may use. */
    public String requireUser() {
        if (!isUser()) {
            throw ProblemException.forbidden("This endpoint is for people signed in with an access token; API keys cannot use it.");
        }
        return id;
    }

    /** The principal authentication left on {@code request}, if any. */
    public static Optional<Principal> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Principal.class);
    }
}

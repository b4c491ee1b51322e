package dev.penguinmails.shared.auth;

import java.util.Optional;

/**
 * For public routes, where API Gateway runs no authorizer: turns an {@code Authorization} header into a
 * principal in-process. Only identity, which owns the credentials, provides one (accepting an invitation
 * signed in); elsewhere public routes are anonymous.
 */
public interface OptionalCredentials {
    /** The live caller behind {@code authorizationHeader}, or empty for anything else; never throws for bad input. */
    Optional<Principal> principalFor(String authorizationHeader);
}

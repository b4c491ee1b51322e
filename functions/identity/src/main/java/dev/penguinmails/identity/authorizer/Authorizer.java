package dev.penguinmails.identity.authorizer;

import jakarta.inject.Singleton;

/** Answers one authorizer event: deny a malformed header, else allow with the credential's context. */
@Singleton
public class Authorizer {
    private final CredentialCheck credentials;

    public Authorizer(CredentialCheck credentials) {
        this.credentials = credentials;
    }

    public AuthorizerResponse authorize(AuthorizerEvent event) {
        return credentials.judge(event.authorization(), event.sourceIp())
                .map(context -> new AuthorizerResponse(true, context.toMap()))
                .orElseGet(AuthorizerResponse::deny);
    }
}

package dev.penguinmails.identity.authorizer;

import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import dev.penguinmails.shared.auth.OptionalCredentials;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.RequestAuthorization.MembershipLookup;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What identity, owning the credentials and memberships, checks in-process: the optional caller of its
 * public routes (accepting an invitation signed in), and a membership the cached authorizer context does
 * not list yet (a workspace created or joined since the context was made), read consistently.
 */
@Singleton
public class InProcessCredentials implements OptionalCredentials, MembershipLookup {
    private final CredentialCheck credentials;
    private final WorkspaceAccess workspaces;

    public InProcessCredentials(CredentialCheck credentials, WorkspaceAccess workspaces) {
        this.credentials = credentials;
        this.workspaces = workspaces;
    }

    @Override
    public Optional<Principal> principalFor(String authorizationHeader) {
        return credentials.principal(authorizationHeader);
    }

    @Override
    public Optional<Membership> find(String userId, String workspaceId) {
        return workspaces.membership(workspaceId, userId);
    }
}

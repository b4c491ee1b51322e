package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;

/**
 * Decides whether an authenticated caller may use a workspace route: first whether they may see the
 * workspace at all (404 if not), then whether their role or key scopes grant the route's permission (403).
 */
@Singleton
public class Authorizer {
    private final WorkspaceAccess workspaces;

    public Authorizer(WorkspaceAccess workspaces) {
        this.workspaces = workspaces;
    }

    /**
     * The caller's tenant context in {@code workspaceId}, or a 404 problem. A key whose own workspace is not
     * active is a 401 ({@link #requireLiveApiKey}); it never reaches a workspace, its own or another.
     */
    public TenantContext tenantFor(Authenticated caller, String workspaceId, boolean allowDeleted) {
        Principal principal = caller.principal();
        if (principal.isUser()) {
            return workspaces.forUser(workspaceId, principal.id(), allowDeleted).orElseThrow(AuthProblems::workspaceNotFound);
        }
        requireLiveApiKey(caller);
        ApiKeyGrant key = caller.apiKey();
        if (!workspaceId.equals(key.workspaceId())) {
            throw AuthProblems.workspaceNotFound();
        }
        return TenantContext.apiKey(workspaceId, key.keyId(), key.scopes());
    }

    /**
     * For an API key: a 401 unless the workspace it belongs to is active. A key of a deleted workspace stops
     * working with it, everywhere (restoring the workspace brings it back, unless it was revoked meanwhile).
     */
    public void requireLiveApiKey(Authenticated caller) {
        if (!isLive(caller)) {
            throw AuthProblems.unauthenticated("The API key is not valid.");
        }
    }

    /** Whether {@code caller} is a person, or an API key whose workspace is active. */
    public boolean isLive(Authenticated caller) {
        return caller.principal().isUser() || workspaces.isActive(caller.apiKey().workspaceId());
    }

    /** Throws a 403 problem unless {@code tenant} grants {@code permission}. */
    public void check(Principal principal, TenantContext tenant, Permission permission) {
        if (!allows(tenant, permission)) {
            throw tenant.role() == null
                    ? ProblemException.forbidden("This API key lacks the scope this endpoint needs"
                            + permission.scope().map(s -> " (" + s + ").").orElse("; only people can use it."))
                    : AuthProblems.missingPermission(permission);
        }
        if (permission == Permission.CAMPAIGNS_SEND && !principal.emailVerified()) {
            throw AuthProblems.emailNotVerified();
        }
    }

    /** Whether the role (people) or one of the scopes (API keys) of {@code tenant} grants {@code permission}. */
    public static boolean allows(TenantContext tenant, Permission permission) {
        if (tenant.role() != null) {
            return PermissionMatrix.allows(tenant.role(), permission);
        }
        return permission.scope().map(tenant.scopes()::contains).orElse(false);
    }
}

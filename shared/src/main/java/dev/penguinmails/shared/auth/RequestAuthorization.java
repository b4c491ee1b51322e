package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import dev.penguinmails.shared.auth.AuthorizerContext.Verdict;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides one request from the authorizer's context and the route: who calls (401 for a missing or bad
 * credential, 429 when throttled), whether they may see the route's workspace (404 exactly as for a
 * workspace that does not exist), and whether their role or key scopes grant the route's permission (403).
 * Pure logic; {@link AuthorizerContextFilter} feeds it requests.
 */
public final class RequestAuthorization {
    private static final Logger LOG = LoggerFactory.getLogger(RequestAuthorization.class);
    private static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RequestAuthorization() { }

    /**
     * What a route asks of its callers.
     *
     * @param permission     its {@link RequiresPermission}, if any
     * @param allowsApiKeys  {@link AllowsApiKeys}: API keys may call it although it has no workspace
     * @param allowsDeleted  {@link AllowsDeletedWorkspace}: a deleted workspace still counts
     * @param description    method and path, for the log when the route is misdeclared
     */
    public record Route(Optional<Permission> permission, boolean allowsApiKeys, boolean allowsDeleted,
                        String description) { }

    /** The caller, and their tenant context when the route has a {@code {workspaceId}}. */
    public record Decision(Principal principal, @Nullable TenantContext tenant) { }

    /** Looks up a membership the context does not list (the function that owns memberships can). */
    @FunctionalInterface
    public interface MembershipLookup {
        Optional<Membership> find(String userId, String workspaceId);
    }

    /**
     * Authorizes one request.
     *
     * @param context     the authorizer's context; null when none reached the function (fail closed: 401)
     * @param workspaceId the route's {@code {workspaceId}}, or null if it has none
     * @param lookup      asked only for a person's workspace that the context does not list
     * @throws ProblemException 401, 403, 404 or 429 as described above
     */
    public static Decision decide(@Nullable AuthorizerContext context, Route route, @Nullable String workspaceId,
                                  Instant now, MembershipLookup lookup) {
        Principal principal = authenticated(context, now);
        if (workspaceId == null) {
            if (!principal.isUser() && !route.allowsApiKeys()) {
                // A key's scopes are checked only against a workspace route; anywhere else it must be let in on purpose.
                throw ProblemException.forbidden("API keys cannot use this endpoint; it is for people signed in "
                        + "with an access token.");
            }
            if (route.permission().isPresent()) {
                LOG.error("{} requires {} but has no {{workspaceId}} path variable; refusing it",
                        route.description(), route.permission().get());
                throw ProblemException.forbidden("This endpoint is not available.");
            }
            return new Decision(principal, null);
        }
        TenantContext tenant = tenantFor(context, workspaceId, route.allowsDeleted(), lookup);
        Permission needed = route.permission().orElseThrow(() -> {
            // Fails closed: a workspace route that forgot to say what it needs serves nobody.
            LOG.error("{} is a workspace route without @RequiresPermission; refusing it", route.description());
            return ProblemException.forbidden("This endpoint is not available.");
        });
        check(principal, tenant, needed);
        return new Decision(principal, tenant);
    }

    /** The caller of a context the authorizer let through, or the 401/429 it calls for. */
    public static Principal authenticated(@Nullable AuthorizerContext context, Instant now) {
        if (context == null) {
            throw AuthProblems.unauthenticated("Send your access token or API key as 'Authorization: Bearer <credential>'.");
        }
        if (context.verdict() == Verdict.THROTTLED) {
            throw ProblemException.tooManyRequests(Duration.ofSeconds(context.retryAfterSeconds()), context.detail());
        }
        if (context.verdict() == Verdict.UNAUTHENTICATED) {
            throw AuthProblems.unauthenticated(context.detail());
        }
        Principal principal = context.principal();
        // API Gateway may reuse the answer after the credential expired; the expiry travels with it.
        if (context.expiresAt() > 0 && context.expiresAt() <= now.getEpochSecond()) {
            throw AuthProblems.unauthenticated(principal.isUser() ? "The access token has expired; refresh it."
                    : "The API key has expired.");
        }
        if (!principal.isUser() && !context.keyWorkspaceActive()) {
            // A key of a deleted workspace stops working with it, everywhere.
            throw AuthProblems.unauthenticated("The API key is not valid.");
        }
        return principal;
    }

    private static TenantContext tenantFor(AuthorizerContext context, String workspaceId, boolean allowDeleted,
                                           MembershipLookup lookup) {
        if (!WORKSPACE_ID.matcher(workspaceId).matches()) {
            throw AuthProblems.workspaceNotFound();
        }
        Principal principal = context.principal();
        if (!principal.isUser()) {
            if (!workspaceId.equals(context.keyWorkspaceId())) {
                throw AuthProblems.workspaceNotFound();
            }
            return TenantContext.apiKey(workspaceId, principal.id(), context.scopes());
        }
        Membership membership = context.membership(workspaceId)
                .or(() -> lookup.find(principal.id(), workspaceId))
                .filter(m -> allowDeleted || !m.deleted())
                .orElseThrow(AuthProblems::workspaceNotFound);
        return TenantContext.user(workspaceId, principal.id(), membership.role());
    }

    /** Throws a 403 problem unless {@code tenant} grants {@code permission}. */
    public static void check(Principal principal, TenantContext tenant, Permission permission) {
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

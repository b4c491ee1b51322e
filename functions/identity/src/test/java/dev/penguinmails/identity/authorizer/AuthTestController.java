package dev.penguinmails.identity.authorizer;

import dev.penguinmails.shared.auth.AllowsApiKeys;
import dev.penguinmails.shared.auth.AllowsDeletedWorkspace;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.PublicEndpoint;
import dev.penguinmails.shared.auth.RequiresPermission;

import dev.penguinmails.shared.tenancy.RequestPrincipal;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;

/** Routes that show what authentication resolved; only present when the authentication tests switch them on. */
@Hidden
@Requires(property = AuthTestController.ENABLED, value = "true")
@Controller("/v1/_auth-test")
class AuthTestController {
    static final String ENABLED = "penguinmails.test.auth-controller";

    /** Needs any valid credential. */
    @Get("/me")
    Seen me(Principal principal, HttpRequest<?> request) {
        return Seen.of(principal, null, request);
    }

    /** Needs any valid credential, and lets API keys in although it has no workspace in its path. */
    @Get("/machines")
    @AllowsApiKeys
    Seen machines(Principal principal, HttpRequest<?> request) {
        return Seen.of(principal, null, request);
    }

    /** Needs nothing; shows a caller only when they sent a valid credential. */
    @Get("/public")
    @PublicEndpoint
    Seen open(@Nullable Principal principal, HttpRequest<?> request) {
        return Seen.of(principal, null, request);
    }

    @Get("/workspaces/{workspaceId}/read")
    @RequiresPermission(Permission.WORKSPACE_READ)
    Seen read(@PathVariable String workspaceId, Principal principal, TenantContext tenant, HttpRequest<?> request) {
        return Seen.of(principal, tenant, request);
    }

    @Post("/workspaces/{workspaceId}/contacts")
    @RequiresPermission(Permission.CONTACTS_WRITE)
    Seen writeContacts(@PathVariable String workspaceId, Principal principal, TenantContext tenant, HttpRequest<?> request) {
        return Seen.of(principal, tenant, request);
    }

    @Post("/workspaces/{workspaceId}/send")
    @RequiresPermission(Permission.CAMPAIGNS_SEND)
    Seen send(@PathVariable String workspaceId, Principal principal, TenantContext tenant, HttpRequest<?> request) {
        return Seen.of(principal, tenant, request);
    }

    @Post("/workspaces/{workspaceId}/manage-members")
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    Seen manageMembers(@PathVariable String workspaceId, Principal principal, TenantContext tenant, HttpRequest<?> request) {
        return Seen.of(principal, tenant, request);
    }

    @Post("/workspaces/{workspaceId}/restore")
    @RequiresPermission(Permission.WORKSPACE_DELETE)
    @AllowsDeletedWorkspace
    Seen restore(@PathVariable String workspaceId, Principal principal, TenantContext tenant, HttpRequest<?> request) {
        return Seen.of(principal, tenant, request);
    }

    /** Forgot its @RequiresPermission: must serve nobody. */
    @Get("/workspaces/{workspaceId}/undeclared")
    Seen undeclared(@PathVariable String workspaceId, Principal principal, HttpRequest<?> request) {
        return Seen.of(principal, null, request);
    }

    /** What the controller received. */
    @Serdeable
    record Seen(@Nullable String id, @Nullable String kind, @Nullable String sessionId, boolean emailVerified,
                @Nullable String workspaceId, @Nullable String role, @Nullable List<String> scopes, String requestPrincipal,
                @Nullable String userPrincipal) {
        static Seen of(@Nullable Principal p, @Nullable TenantContext t, HttpRequest<?> request) {
            return new Seen(p == null ? null : p.id(), p == null ? null : p.kind().name(), p == null ? null : p.sessionId(),
                    p != null && p.emailVerified(), t == null ? null : t.workspaceId(),
                    t == null || t.role() == null ? null : t.role().wireName(),
                    t == null ? null : t.scopes().stream().sorted().toList(), RequestPrincipal.of(request),
                    request.getUserPrincipal().map(java.security.Principal::getName).orElse(null));
        }
    }
}

package dev.penguinmails.identity.workspaces;

import static dev.penguinmails.shared.auth.Permission.WORKSPACE_DELETE;
import static dev.penguinmails.shared.auth.Permission.WORKSPACE_READ;
import static dev.penguinmails.shared.auth.Permission.WORKSPACE_UPDATE;

import dev.penguinmails.shared.auth.AllowsDeletedWorkspace;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.Problem;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;

/** Workspaces: list, create, read, rename, delete (soft) and restore. */
@Controller("/v1/workspaces")
@Tag(name = "Workspaces")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An access token from POST /v1/auth/login, or a workspace API key (pmk_...)")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "Missing or invalid credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class WorkspaceController {
    private final WorkspaceService service;

    WorkspaceController(WorkspaceService service) {
        this.service = service;
    }

    @Get
    @Operation(operationId = "listWorkspaces", summary = "List your workspaces",
            description = "Every workspace you are a member of, with your role. Deleted workspaces are listed to their "
                    + "owners (status DELETED, purgeAfter) until they are purged, so they can be restored. People only.")
    Page<WorkspaceView> list(Principal principal,
                             @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                             @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.listFor(principal, PageRequest.of(limit, cursor));
    }

    @Post
    @Operation(operationId = "createWorkspace", summary = "Create a workspace", description = "You become its owner. People only. Beyond your first "
            + "workspace, your email address must be verified.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "403", description = "email-not-verified: you own a workspace already and your address is not verified")
    @ApiResponse(responseCode = "409", description = "plan-limit: you own as many active workspaces as the best plan among them allows")
    HttpResponse<WorkspaceView> create(Principal principal, @Valid @Body WorkspaceRequests.Create body, HttpRequest<?> request) {
        Workspace created = service.create(principal, body.name(), request);
        return HttpResponse.created(WorkspaceView.of(created, "owner"), URI.create("/v1/workspaces/" + created.id()));
    }

    @Get("/{workspaceId}")
    @RequiresPermission(WORKSPACE_READ)
    @Operation(operationId = "getWorkspace", summary = "Read a workspace")
    @ApiResponse(responseCode = "404", description = "No such workspace, or you are not a member of it")
    WorkspaceView get(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant) {
        return WorkspaceView.of(service.get(tenant), roleOf(tenant));
    }

    @Patch("/{workspaceId}")
    @RequiresPermission(WORKSPACE_UPDATE)
    @Operation(operationId = "renameWorkspace", summary = "Rename a workspace", description = "Admins and owners.")
    WorkspaceView update(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                         Principal principal, @Valid @Body WorkspaceRequests.Update body, HttpRequest<?> request) {
        return WorkspaceView.of(service.rename(tenant, principal, body.name(), request), roleOf(tenant));
    }

    @Delete("/{workspaceId}")
    @RequiresPermission(WORKSPACE_DELETE)
    @Operation(operationId = "deleteWorkspace", summary = "Delete a workspace",
            description = "Owners only. The workspace stops working at once and can be restored until purgeAfter "
                    + "(30 days by default); then it and all its data are purged for good.")
    WorkspaceView delete(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                         Principal principal, HttpRequest<?> request) {
        return WorkspaceView.of(service.delete(tenant, principal, request), roleOf(tenant));
    }

    @Post("/{workspaceId}/restore")
    @RequiresPermission(WORKSPACE_DELETE)
    @AllowsDeletedWorkspace
    @Operation(operationId = "restoreWorkspace", summary = "Restore a deleted workspace", description = "Owners only, before purgeAfter.")
    @ApiResponse(responseCode = "409", description = "The workspace is not deleted, or its grace period ended; plan-limit: its primary owner has no workspace left on their plans")
    WorkspaceView restore(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                          Principal principal, HttpRequest<?> request) {
        return WorkspaceView.of(service.restore(tenant, principal, request), roleOf(tenant));
    }

    private static String roleOf(TenantContext tenant) {
        return tenant.role() == null ? null : tenant.role().wireName();
    }
}

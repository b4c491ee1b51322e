package dev.penguinmails.identity.members;

import static dev.penguinmails.shared.auth.Permission.MEMBERS_MANAGE;
import static dev.penguinmails.shared.auth.Permission.MEMBERS_READ;
import static dev.penguinmails.shared.auth.Permission.OWNERSHIP_TRANSFER;
import static dev.penguinmails.shared.auth.Permission.WORKSPACE_READ;

import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

/** Members of a workspace: list, change roles, remove, transfer ownership, leave. */
@Controller("/v1/workspaces/{workspaceId}")
@Tag(name = "Members")
@SecurityRequirement(name = "bearer")
class MemberController {
    private final MemberService service;

    MemberController(MemberService service) {
        this.service = service;
    }

    @Get("/members")
    @RequiresPermission(MEMBERS_READ)
    @Operation(operationId = "listMembers", summary = "List members", description = "Every role may list members; API keys need members:read.")
    Page<MemberView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                          @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                          @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor));
    }

    @Patch("/members/{userId}")
    @RequiresPermission(MEMBERS_MANAGE)
    @Operation(operationId = "changeMemberRole", summary = "Change a member's role",
            description = "Admins and owners, on roles below their own (owners on any). Anyone may lower their own role. "
                    + "The primary owner cannot be demoted (409 last-owner or primary-owner).")
    @ApiResponse(responseCode = "409", description = "last-owner or primary-owner")
    MemberView changeRole(@PathVariable String workspaceId, @PathVariable String userId,
                          @Parameter(hidden = true) TenantContext tenant, Principal principal,
                          @Valid @Body MemberRequests.ChangeRole body, HttpRequest<?> request) {
        return service.changeRole(tenant, principal, userId, Role.fromWire(body.role()).orElseThrow(), request);
    }

    @Delete("/members/{userId}")
    @RequiresPermission(MEMBERS_MANAGE)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeMember", summary = "Remove a member", description = "Admins and owners, on roles below their own (owners on any).")
    @ApiResponse(responseCode = "204", description = "Removed")
    void remove(@PathVariable String workspaceId, @PathVariable String userId,
                @Parameter(hidden = true) TenantContext tenant, Principal principal, HttpRequest<?> request) {
        service.remove(tenant, principal, userId, request);
    }

    @Post("/transfer-ownership")
    @RequiresPermission(OWNERSHIP_TRANSFER)
    @Operation(operationId = "transferOwnership", summary = "Transfer ownership",
            description = "The primary owner makes another member the primary owner and becomes previousOwnerRole (default admin).")
    List<MemberView> transferOwnership(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                       Principal principal, @Valid @Body MemberRequests.TransferOwnership body,
                                       HttpRequest<?> request) {
        Role previous = body.previousOwnerRole() == null ? Role.ADMIN : Role.fromWire(body.previousOwnerRole()).orElseThrow();
        return service.transferOwnership(tenant, principal, body.userId(), previous, request);
    }

    @Post("/leave")
    @RequiresPermission(WORKSPACE_READ)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "leaveWorkspace", summary = "Leave the workspace",
            description = "Any member. The primary owner must transfer ownership first (409). People only.")
    @ApiResponse(responseCode = "204", description = "You left")
    void leave(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant, Principal principal,
               HttpRequest<?> request) {
        service.leave(tenant, principal, request);
    }
}

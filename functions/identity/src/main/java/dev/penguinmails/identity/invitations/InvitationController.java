package dev.penguinmails.identity.invitations;

import static dev.penguinmails.shared.auth.Permission.INVITATIONS_MANAGE;

import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;

/** A workspace's invitations: list, invite, resend, revoke. Admins and owners; people only. */
@Controller("/v1/workspaces/{workspaceId}/invitations")
@Tag(name = "Invitations")
@SecurityRequirement(name = "bearer")
class InvitationController {
    private final InvitationService service;

    InvitationController(InvitationService service) {
        this.service = service;
    }

    @Get
    @RequiresPermission(INVITATIONS_MANAGE)
    @Operation(operationId = "listInvitations", summary = "List invitations", description = "Newest first, with status (PENDING, EXPIRED, ACCEPTED, REVOKED).")
    Page<InvitationView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                              @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                              @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor));
    }

    @Post
    @RequiresPermission(INVITATIONS_MANAGE)
    @Operation(operationId = "createInvitation", summary = "Invite someone by email",
            description = "Emails a link that works once, for 7 days. The role must be below yours (owners may invite admins). "
                    + "Needs a verified email address. At most 50 invitations per workspace and 20 per inviter an hour, "
                    + "resends included.")
    @ApiResponse(responseCode = "201", description = "Invited; the email is on its way")
    @ApiResponse(responseCode = "403", description = "forbidden (role not below yours) or email-not-verified")
    @ApiResponse(responseCode = "409", description = "already-member, invitation-pending (resend that one), or plan-limit: members and pending invitations fill the plan's seats")
    HttpResponse<InvitationView> invite(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                        Principal principal, @Valid @Body InvitationRequests.Create body,
                                        HttpRequest<?> request) {
        InvitationView created = service.invite(tenant, principal, body.email(), Role.fromWire(body.role()).orElseThrow(), request);
        return HttpResponse.created(created, URI.create("/v1/workspaces/" + workspaceId + "/invitations/" + created.id()));
    }

    @Post("/{invitationId}")
    @RequiresPermission(INVITATIONS_MANAGE)
    @Operation(operationId = "resendInvitation", summary = "Act on an invitation: resend",
            description = "{\"action\": \"resend\"} emails a new link (the previous one stops working) valid for 7 more days. "
                    + "At most 3 resends an hour; each counts toward the invitation limits. Needs a verified email address.")
    @ApiResponse(responseCode = "409", description = "invitation-not-pending: accepted or revoked; plan-limit: resending an expired invitation needs a free seat")
    InvitationView act(@PathVariable String workspaceId, @PathVariable String invitationId,
                       @Parameter(hidden = true) TenantContext tenant, Principal principal,
                       @Valid @Body InvitationRequests.Action body, HttpRequest<?> request) {
        return service.resend(tenant, principal, invitationId, request);
    }

    @Delete("/{invitationId}")
    @RequiresPermission(INVITATIONS_MANAGE)
    @Operation(operationId = "revokeInvitation", summary = "Revoke an invitation", description = "Its link stops working. Revoking twice is harmless.")
    InvitationView revoke(@PathVariable String workspaceId, @PathVariable String invitationId,
                          @Parameter(hidden = true) TenantContext tenant, Principal principal, HttpRequest<?> request) {
        return service.revoke(tenant, principal, invitationId, request);
    }
}

package dev.penguinmails.sending.campaigns;

import static dev.penguinmails.shared.auth.Permission.CAMPAIGNS_READ;
import static dev.penguinmails.shared.auth.Permission.CAMPAIGNS_SEND;
import static dev.penguinmails.shared.auth.Permission.CAMPAIGNS_WRITE;

import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;

/** A workspace's campaigns: create, list, read, change, delete, and move through their status machine. */
@Controller("/v1/workspaces/{workspaceId}/campaigns")
@Tag(name = "Campaigns")
@SecurityRequirement(name = "bearer")
class CampaignController {
    private final CampaignService service;

    CampaignController(CampaignService service) {
        this.service = service;
    }

    @Post
    @RequiresPermission(CAMPAIGNS_WRITE)
    @Operation(operationId = "createCampaign", summary = "Create a campaign (a draft)",
            description = "Templates are checked for syntax (Liquid, spintax braces) and refused with the template's "
                    + "line and column; undefined variables are reported by the launch checks.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "validation-failed: each bad field under errors; nothing written")
    HttpResponse<CampaignView> create(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                                      @Valid @Body CampaignRequests.Create body) {
        Campaign campaign = service.create(tenant, body);
        return HttpResponse.created(CampaignView.of(campaign),
                URI.create("/v1/workspaces/" + workspaceId + "/campaigns/" + campaign.id()));
    }

    @Get
    @RequiresPermission(CAMPAIGNS_READ)
    @Operation(operationId = "listCampaigns", summary = "List the campaigns", description = "Oldest first.")
    Page<CampaignView> list(@PathVariable String workspaceId, @Parameter(hidden = true) TenantContext tenant,
                            @Parameter(description = "Page size, 1 to 100 (default 25)") @QueryValue("limit") @Nullable String limit,
                            @Parameter(description = "nextCursor of the previous page") @QueryValue("cursor") @Nullable String cursor) {
        return service.list(tenant, PageRequest.of(limit, cursor)).map(CampaignView::of);
    }

    @Get("/{campaignId}")
    @RequiresPermission(CAMPAIGNS_READ)
    @Operation(operationId = "getCampaign", summary = "Read a campaign")
    @ApiResponse(responseCode = "404", description = "The workspace has no such campaign")
    CampaignView get(@PathVariable String workspaceId, @PathVariable String campaignId,
                     @Parameter(hidden = true) TenantContext tenant) {
        return CampaignView.of(service.get(tenant, campaignId));
    }

    @Patch("/{campaignId}")
    @RequiresPermission(CAMPAIGNS_WRITE)
    @Operation(operationId = "updateCampaign", summary = "Change a campaign",
            description = "Only what is given changes. The audience changes only in a draft; the sequence and footer "
                    + "not while the campaign is active (pause it first); completed and archived campaigns not at all.")
    @ApiResponse(responseCode = "400", description = "validation-failed: each bad field under errors; nothing changed")
    @ApiResponse(responseCode = "404", description = "The workspace has no such campaign")
    @ApiResponse(responseCode = "409", description = "campaign-changed (another version) or campaign-locked (not in this status)")
    CampaignView update(@PathVariable String workspaceId, @PathVariable String campaignId,
                        @Parameter(hidden = true) TenantContext tenant, @Valid @Body CampaignRequests.Update body) {
        return CampaignView.of(service.update(tenant, campaignId, body));
    }

    @Delete("/{campaignId}")
    @RequiresPermission(CAMPAIGNS_WRITE)
    @Operation(operationId = "deleteCampaign", summary = "Delete a draft or archived campaign")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "The workspace has no such campaign")
    @ApiResponse(responseCode = "409", description = "campaign-locked: it has sent; archive it instead")
    HttpResponse<Void> delete(@PathVariable String workspaceId, @PathVariable String campaignId,
                              @Parameter(hidden = true) TenantContext tenant) {
        service.delete(tenant, campaignId);
        return HttpResponse.noContent();
    }

    @Post("/{campaignId}/launch")
    @RequiresPermission(CAMPAIGNS_SEND)
    @Operation(operationId = "launchCampaign", summary = "Launch a draft",
            description = "Runs every launch check first and refuses with all the problems at once.")
    @ApiResponse(responseCode = "409", description = "campaign-illegal-transition, campaign-changed")
    @ApiResponse(responseCode = "422", description = "campaign-not-ready: every failed launch check under problems")
    CampaignView launch(@PathVariable String workspaceId, @PathVariable String campaignId,
                        @Parameter(hidden = true) TenantContext tenant, @Valid @Body @Nullable CampaignRequests.Transition body) {
        return move(tenant, campaignId, CampaignStatus.Action.LAUNCH, body);
    }

    @Post("/{campaignId}/pause")
    @RequiresPermission(CAMPAIGNS_SEND)
    @Operation(operationId = "pauseCampaign", summary = "Pause an active campaign")
    @ApiResponse(responseCode = "409", description = "campaign-illegal-transition, campaign-changed")
    CampaignView pause(@PathVariable String workspaceId, @PathVariable String campaignId,
                       @Parameter(hidden = true) TenantContext tenant, @Valid @Body @Nullable CampaignRequests.Transition body) {
        return move(tenant, campaignId, CampaignStatus.Action.PAUSE, body);
    }

    @Post("/{campaignId}/resume")
    @RequiresPermission(CAMPAIGNS_SEND)
    @Operation(operationId = "resumeCampaign", summary = "Resume a paused campaign",
            description = "Runs the launch checks again: its content may have changed while paused.")
    @ApiResponse(responseCode = "409", description = "campaign-illegal-transition, campaign-changed")
    @ApiResponse(responseCode = "422", description = "campaign-not-ready: every failed launch check under problems")
    CampaignView resume(@PathVariable String workspaceId, @PathVariable String campaignId,
                        @Parameter(hidden = true) TenantContext tenant, @Valid @Body @Nullable CampaignRequests.Transition body) {
        return move(tenant, campaignId, CampaignStatus.Action.RESUME, body);
    }

    @Post("/{campaignId}/archive")
    @RequiresPermission(CAMPAIGNS_WRITE)
    @Operation(operationId = "archiveCampaign", summary = "Archive a campaign", description = "It stops sending for good.")
    @ApiResponse(responseCode = "409", description = "campaign-illegal-transition (already archived), campaign-changed")
    CampaignView archive(@PathVariable String workspaceId, @PathVariable String campaignId,
                         @Parameter(hidden = true) TenantContext tenant, @Valid @Body @Nullable CampaignRequests.Transition body) {
        return move(tenant, campaignId, CampaignStatus.Action.ARCHIVE, body);
    }

    private CampaignView move(TenantContext tenant, String campaignId, CampaignStatus.Action action,
                              CampaignRequests.Transition body) {
        return CampaignView.of(service.move(tenant, campaignId, action, body == null ? null : body.version()));
    }
}

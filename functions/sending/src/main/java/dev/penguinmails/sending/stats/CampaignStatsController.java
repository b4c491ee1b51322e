package dev.penguinmails.sending.stats;

import static dev.penguinmails.shared.auth.Permission.ANALYTICS_READ;

import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A campaign's statistics: sent, failed, unsubscribed (and, later, opens, clicks, replies, bounces), with rates. */
@Controller("/v1/workspaces/{workspaceId}/campaigns/{campaignId}/stats")
@Tag(name = "Campaigns")
@SecurityRequirement(name = "bearer")
class CampaignStatsController {
    private final CampaignStats stats;

    CampaignStatsController(CampaignStats stats) {
        this.stats = stats;
    }

    @Get
    @RequiresPermission(ANALYTICS_READ)
    @Operation(operationId = "getCampaignStats", summary = "Read a campaign's statistics",
            description = "Overall, per step and per variant. Counted from email events as they arrive, so a send shows "
                    + "up within seconds. Opens, clicks, replies and bounces stay 0 until tracking and inbox land.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such campaign")
    CampaignStatsView get(@PathVariable String workspaceId, @PathVariable String campaignId,
                          @Parameter(hidden = true) TenantContext tenant) {
        return stats.of(tenant, campaignId);
    }
}

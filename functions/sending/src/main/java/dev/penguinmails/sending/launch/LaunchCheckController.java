package dev.penguinmails.sending.launch;

import static dev.penguinmails.shared.auth.Permission.CAMPAIGNS_READ;

import dev.penguinmails.sending.campaigns.CampaignService;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The launch checks of a campaign, on demand: what launch would refuse, without launching. */
@Controller("/v1/workspaces/{workspaceId}/campaigns/{campaignId}/launch-checks")
@Tag(name = "Campaigns")
@SecurityRequirement(name = "bearer")
class LaunchCheckController {
    private final CampaignService campaigns;
    private final LaunchChecks checks;

    LaunchCheckController(CampaignService campaigns, LaunchChecks checks) {
        this.campaigns = campaigns;
        this.checks = checks;
    }

    /** POST .../launch-checks: contacts of one's own to render for, besides the built-in samples. */
    @Serdeable
    @Schema(name = "LaunchCheckRequest")
    record Request(@Nullable @Size(max = 20) @Valid List<SampleContact> sampleContacts) { }

    @Get
    @RequiresPermission(CAMPAIGNS_READ)
    @Operation(operationId = "getLaunchChecks", summary = "Run the launch checks",
            description = "Every problem at once; the content is rendered for two built-in sample contacts.")
    @ApiResponse(responseCode = "404", description = "The workspace has no such campaign")
    LaunchCheckReport get(@PathVariable String workspaceId, @PathVariable String campaignId,
                          @Parameter(hidden = true) TenantContext tenant) {
        return checks.run(tenant, campaigns.get(tenant, campaignId), List.of());
    }

    @Post
    @RequiresPermission(CAMPAIGNS_READ)
    @Operation(operationId = "runLaunchChecks", summary = "Run the launch checks for given sample contacts",
            description = "As GET, also rendering for the contacts given; their custom fields count as known.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "404", description = "The workspace has no such campaign")
    LaunchCheckReport post(@PathVariable String workspaceId, @PathVariable String campaignId,
                           @Parameter(hidden = true) TenantContext tenant, @Valid @Body Request body) {
        return checks.run(tenant, campaigns.get(tenant, campaignId),
                body.sampleContacts() == null ? List.of() : body.sampleContacts());
    }
}

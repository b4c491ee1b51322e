package dev.penguinmails.sending.launch;

import static dev.penguinmails.shared.auth.Permission.CAMPAIGNS_READ;

import dev.penguinmails.sending.campaigns.Campaign;
import dev.penguinmails.sending.campaigns.CampaignService;
import dev.penguinmails.sending.sequences.SequenceStep;
import dev.penguinmails.sending.templates.ContactVariables;
import dev.penguinmails.sending.templates.EmailRenderer;
import dev.penguinmails.sending.templates.RenderedEmail;
import dev.penguinmails.sending.templates.TemplateException;
import dev.penguinmails.sending.templates.Variables;
import dev.penguinmails.shared.auth.RequiresPermission;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Renders any step of a campaign for any contact, exactly as it would be sent (choices included). */
@Controller("/v1/workspaces/{workspaceId}/campaigns/{campaignId}/preview")
@Tag(name = "Campaigns")
@SecurityRequirement(name = "bearer")
class PreviewController {
    private final CampaignService campaigns;

    PreviewController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Serdeable
    @Schema(name = "CampaignPreviewRequest")
    record Request(@Min(0) @Max(19) @Schema(description = "0-based step index") int step,
                   @Nullable @Size(max = 20) @Schema(description = "The variant to show; default the one this contact gets") String variant,
                   @NotNull @Valid @Schema(type = "object") SampleContact contact) { }

    @Serdeable
    @Schema(name = "CampaignPreview")
    record Preview(RenderedEmail email,
                   @Schema(description = "Variables used without a fallback that this contact lacks (rendered empty)")
                   @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                   List<String> missingVariables) { }

    @Post
    @RequiresPermission(CAMPAIGNS_READ)
    @Operation(operationId = "previewCampaign", summary = "Render a step for a contact")
    @ApiResponse(responseCode = "400", description = "validation-failed (no such step or variant) or template-invalid")
    @ApiResponse(responseCode = "404", description = "The workspace has no such campaign")
    Preview preview(@PathVariable String workspaceId, @PathVariable String campaignId,
                    @Parameter(hidden = true) TenantContext tenant, @Valid @Body Request body) {
        Campaign campaign = campaigns.get(tenant, campaignId);
        List<SequenceStep> sequence = campaign.definition().sequence();
        if (body.step() >= sequence.size()) {
            throw ProblemException.invalid("step", "the sequence has " + sequence.size() + " step(s), numbered from 0");
        }
        SequenceStep step = sequence.get(body.step());
        if (body.variant() != null && step.variants().stream().noneMatch(v -> v.name().equals(body.variant()))) {
            throw ProblemException.invalid("variant", "step " + body.step() + " has no variant " + body.variant());
        }
        RenderedEmail email;
        try {
            email = EmailRenderer.render(sequence, body.step(), body.variant(), body.contact().key(),
                    LaunchChecks.variables(body.contact()), campaign.definition().unsubscribeFooter());
        } catch (TemplateException e) {
            throw ProblemException.invalid("sequence[" + body.step() + "]", e.getMessage());
        }
        Set<String> known = ContactVariables.known(body.contact().custom().keySet());
        known.removeIf(name -> ContactVariables.FIELDS.contains(name) && !body.contact().fields().containsKey(name));
        Set<String> missing = new LinkedHashSet<>();
        step.variants().stream().filter(v -> v.name().equals(email.variant())).findFirst().ifPresent(v -> {
            if (v.subject() != null) {
                missing.addAll(Variables.withoutFallback(v.subject()));
            }
            missing.addAll(Variables.withoutFallback(v.html()));
        });
        missing.removeAll(new HashSet<>(known));
        return new Preview(email, List.copyOf(missing));
    }
}

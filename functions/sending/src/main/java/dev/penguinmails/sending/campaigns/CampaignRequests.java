package dev.penguinmails.sending.campaigns;

import dev.penguinmails.sending.sequences.SequenceStep;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the campaign endpoints. */
public final class CampaignRequests {
    private CampaignRequests() { }

    /** POST .../campaigns: a draft; everything but the name has a default. */
    @Serdeable
    @Schema(name = "CreateCampaign")
    public record Create(
            @NotBlank @Size(max = 200) @Schema(example = "Q3 outreach") String name,
            @Nullable @Valid @Schema(type = "object") CampaignDefinition.Audience audience,
            @Nullable @Valid @Schema(type = "object") CampaignDefinition.MailboxPool mailboxes,
            @Nullable @Valid @Schema(type = "object", description = "Default: Monday to Friday, 09:00 to 17:00 UTC") CampaignDefinition.SendingWindow window,
            @Nullable @Valid @Schema(type = "object", description = "Default: 30 per mailbox a day, 120 to 600 s apart") CampaignDefinition.SendingLimits limits,
            @Nullable @Schema(description = "Stop a contact's sequence when they reply (default true)") Boolean stopOnReply,
            @Nullable @Schema(description = "Default false") Boolean trackOpens,
            @Nullable @Schema(description = "Default false") Boolean trackClicks,
            @Nullable @Size(max = 5000) @Schema(description = "HTML appended to every email; Liquid allowed, e.g. {{ unsubscribe_url }}") String unsubscribeFooter,
            @Nullable @Size(max = 20) @Valid List<SequenceStep> sequence) {

        CampaignDefinition definition() {
            return new CampaignDefinition(name.trim(),
                    audience == null ? CampaignDefinition.Audience.empty() : audience,
                    mailboxes == null ? CampaignDefinition.MailboxPool.empty() : mailboxes,
                    window == null ? CampaignDefinition.SendingWindow.officeHours() : window,
                    limits == null ? CampaignDefinition.SendingLimits.defaults() : limits,
                    stopOnReply == null || stopOnReply, Boolean.TRUE.equals(trackOpens), Boolean.TRUE.equals(trackClicks),
                    unsubscribeFooter, sequence);
        }
    }

    /** PATCH .../campaigns/{id}: what is given replaces that part; {@code version} is the one read. */
    @Serdeable
    @Schema(name = "UpdateCampaign")
    public record Update(
            @Min(1) @Schema(description = "The campaign's version as read; a change meanwhile answers 409 campaign-changed") long version,
            @Nullable @Size(min = 1, max = 200) String name,
            @Nullable @Valid @Schema(type = "object") CampaignDefinition.Audience audience,
            @Nullable @Valid @Schema(type = "object") CampaignDefinition.MailboxPool mailboxes,
            @Nullable @Valid @Schema(type = "object") CampaignDefinition.SendingWindow window,
            @Nullable @Valid @Schema(type = "object") CampaignDefinition.SendingLimits limits,
            @Nullable Boolean stopOnReply,
            @Nullable Boolean trackOpens,
            @Nullable Boolean trackClicks,
            @Nullable @Size(max = 5000) @Schema(description = "An empty string removes the footer") String unsubscribeFooter,
            @Nullable @Size(max = 20) @Valid @Schema(description = "Replaces the whole sequence") List<SequenceStep> sequence) {

        /** Whether this changes what is sent (the sequence or the footer). */
        boolean changesContent() {
            return sequence != null || unsubscribeFooter != null;
        }

        CampaignDefinition applyTo(CampaignDefinition d) {
            return new CampaignDefinition(name == null ? d.name() : name.trim(),
                    audience == null ? d.audience() : audience,
                    mailboxes == null ? d.mailboxes() : mailboxes,
                    window == null ? d.window() : window,
                    limits == null ? d.limits() : limits,
                    stopOnReply == null ? d.stopOnReply() : stopOnReply,
                    trackOpens == null ? d.trackOpens() : trackOpens,
                    trackClicks == null ? d.trackClicks() : trackClicks,
                    unsubscribeFooter == null ? d.unsubscribeFooter() : unsubscribeFooter.isEmpty() ? null : unsubscribeFooter,
                    sequence == null ? d.sequence() : sequence);
        }
    }

    /** POST .../launch|pause|resume|archive: the version read, so that a move never acts on a campaign not seen. */
    @Serdeable
    @Schema(name = "CampaignTransition")
    public record Transition(@Nullable @Min(1) @Schema(description = "If given, the move is refused (409 campaign-changed) "
            + "when the campaign is no longer at this version") Long version) { }
}

package dev.penguinmails.sending.campaigns;

import dev.penguinmails.sending.sequences.SequenceStep;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A campaign as the API shows it. */
@Serdeable
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
@Schema(name = "Campaign")
public record CampaignView(String id, String workspaceId, String name,
                           @Schema(allowableValues = {"draft", "active", "paused", "completed", "archived"}) String status,
                           CampaignDefinition.Audience audience, CampaignDefinition.MailboxPool mailboxes,
                           CampaignDefinition.SendingWindow window, CampaignDefinition.SendingLimits limits,
                           boolean stopOnReply, boolean trackOpens, boolean trackClicks,
                           @Nullable String unsubscribeFooter, List<SequenceStep> sequence,
                           String createdAt, String updatedAt, long version) {

    static CampaignView of(Campaign c) {
        CampaignDefinition d = c.definition();
        return new CampaignView(c.id(), c.workspaceId(), d.name(), c.status().wire(), d.audience(), d.mailboxes(),
                d.window(), d.limits(), d.stopOnReply(), d.trackOpens(), d.trackClicks(), d.unsubscribeFooter(),
                d.sequence(), c.createdAt().toString(), c.updatedAt().toString(), c.version());
    }
}

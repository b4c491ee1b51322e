package dev.penguinmails.events.sending;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code campaign.launched}: a campaign left draft and wants its audience. Contacts resolves the lists and
 * segments once, into a snapshot, and answers with {@code campaign.audience.chunk} events. {@code version} is the
 * campaign's version at launch; a campaign launches once, so the pair (campaign, version) names the resolution.
 *
 * <p>Empty lists are written too: the schema requires both.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CampaignLaunched(String campaignId, long version, List<String> listIds, List<String> segmentIds) { }

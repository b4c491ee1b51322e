package dev.penguinmails.sending.campaigns;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.sending.CampaignCompleted;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.sending.enrolments.AudienceProgress;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a launched campaign to {@code completed} once nothing is left to send (decision 0066): every audience chunk
 * arrived and as many enrolments ended as were enrolled ({@link AudienceProgress}). Checked where that can become
 * true: when an enrolment leaves {@code active} and when a chunk was counted. The move is the campaign's versioned
 * write that also owes {@code campaign.completed} (outbox), so however many checks race, one moves it and the event
 * is owed once.
 */
@Singleton
public class CampaignCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignCompletion.class);
    /** Versioned writes lost to other changes of the campaign (a pause, an edit) before the check gives up. */
    private static final int ATTEMPTS = 5;

    private final CampaignStore campaigns;
    private final AudienceProgress audiences;
    private final Outbox outbox;

    CampaignCompletion(CampaignStore campaigns, AudienceProgress audiences, Outbox outbox) {
        this.campaigns = campaigns;
        this.audiences = audiences;
        this.outbox = outbox;
    }

    /** Counts an enrolment of {@code campaignId} that left {@code active}, and completes the campaign if it was the last. */
    public void enrolmentEnded(TenantContext tenant, String campaignId) {
        complete(tenant, campaignId, audiences.ended(tenant, campaignId));
    }

    /** Completes the campaign if its audience is in and every enrolment ended (e.g. after its last chunk). */
    public void check(TenantContext tenant, String campaignId) {
        audiences.of(tenant, campaignId).ifPresent(audience -> complete(tenant, campaignId, audience));
    }

    private void complete(TenantContext tenant, String campaignId, AudienceProgress.Audience audience) {
        if (!audience.done()) {
            return;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Campaign> found = campaigns.get(tenant, campaignId);
            if (found.isEmpty()) {
                return;
            }
            Campaign current = found.get();
            // Active, or paused by its owner: either is finished once nothing is left (decision 0044 allows both).
            Optional<CampaignStatus> next = current.status().after(CampaignStatus.Action.COMPLETE);
            if (next.isEmpty()) {
                return; // completed already (by a racing check), or archived
            }
            Campaign completed = current.withStatus(next.get(), Instant.now());
            OutboxEntry owed = outbox.entry().event(DomainEvent.create(SendingEvents.CAMPAIGN_COMPLETED,
                    tenant.workspaceId(), new CampaignCompleted(campaignId, completed.version(),
                            (int) audience.enrolled()))).build();
            if (campaigns.replace(tenant, current.version(), completed, owed)) {
                LOG.info("Campaign {} of {} completed: {} enrolments ended", campaignId, tenant.workspaceId(),
                        audience.enrolled());
                outbox.deliver(campaigns.table(), CampaignStore.key(tenant, campaignId), owed);
                return;
            }
        }
        LOG.warn("Campaign {} of {} is done but kept changing; the next enrolment or check completes it", campaignId,
                tenant.workspaceId());
    }
}

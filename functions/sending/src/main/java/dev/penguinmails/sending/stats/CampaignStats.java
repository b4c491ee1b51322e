package dev.penguinmails.sending.stats;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.sending.CampaignSend;
import dev.penguinmails.events.sending.EmailFailed;
import dev.penguinmails.events.sending.EmailUnsubscribed;
import dev.penguinmails.events.usage.EmailSent;
import dev.penguinmails.sending.campaigns.CampaignService;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Campaign statistics (decision 0055): counted from sending's own email events as they arrive, read as sums of the
 * campaign's counter items. The consumer's event-id claim makes each event count once.
 */
@Singleton
public class CampaignStats {
    private final CampaignCounters counters;
    private final CampaignService campaigns;

    CampaignStats(CampaignCounters counters, CampaignService campaigns) {
        this.counters = counters;
        this.campaigns = campaigns;
    }

    /** Counts one email event; false if it is not about a campaign send (an email outside any campaign). */
    public boolean count(DomainEvent<? extends Record> event) {
        Record payload = event.payload();
        CampaignSend send;
        Counter counter;
        if (payload instanceof EmailSent sent) {
            send = sent.send();
            counter = Counter.SENT;
        } else if (payload instanceof EmailFailed failed) {
            send = failed.send();
            counter = Counter.FAILED;
        } else if (payload instanceof EmailUnsubscribed unsubscribed) {
            send = unsubscribed.send();
            counter = Counter.UNSUBSCRIBED;
        } else {
            throw new IllegalArgumentException("not an email event: " + payload.getClass());
        }
        if (send == null) {
            return false;
        }
        counters.increment(event.workspaceId(), send, counter);
        return true;
    }

    /** The campaign's statistics; 404 {@code campaign-not-found} if the workspace has no such campaign. */
    public CampaignStatsView of(TenantContext tenant, String campaignId) {
        campaigns.get(tenant, campaignId);
        Map<Integer, Map<String, Map<Counter, Long>>> bySteps = new TreeMap<>();
        Map<Counter, Long> overall = CampaignStatsView.Counts.zero();
        for (CampaignCounters.Row row : counters.rows(tenant.workspaceId(), campaignId)) {
            bySteps.computeIfAbsent(row.step(), s -> new TreeMap<>()).put(row.variantId(), row.counts());
            row.counts().forEach((c, n) -> overall.merge(c, n, Long::sum));
        }
        List<CampaignStatsView.Step> steps = new ArrayList<>();
        bySteps.forEach((step, variants) -> {
            Map<Counter, Long> stepTotal = CampaignStatsView.Counts.zero();
            List<CampaignStatsView.Variant> variantViews = new ArrayList<>();
            variants.forEach((variantId, counts) -> {
                counts.forEach((c, n) -> stepTotal.merge(c, n, Long::sum));
                variantViews.add(new CampaignStatsView.Variant(variantId, CampaignStatsView.Counts.of(counts)));
            });
            steps.add(new CampaignStatsView.Step(step, CampaignStatsView.Counts.of(stepTotal), variantViews));
        });
        return new CampaignStatsView(campaignId, CampaignStatsView.Counts.of(overall), steps);
    }
}

package dev.penguinmails.billing.quotas;

import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.billing.subscriptions.AccountChanges;
import dev.penguinmails.billing.usage.UsageCounters;
import dev.penguinmails.billing.usage.UsagePeriods;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.QuotaExceeded;
import dev.penguinmails.events.billing.QuotaReached;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.outbox.Outbox.Builder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counts one unit of usage and publishes the quota warning (at {@value #WARNING_SHARE} of the limit) and the quota
 * exceeded event, each once: when the count crosses the threshold.
 */
@Singleton
public class QuotaService {
    public static final double WARNING_SHARE = 0.8;
    private final BillingAccounts accounts;
    private final AccountChanges changes;
    private final UsageCounters counters;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    QuotaService(BillingAccounts accounts, AccountChanges changes, UsageCounters counters, Outbox outbox) {
        this(accounts, changes, counters, outbox, Clock.systemUTC());
    }

    QuotaService(BillingAccounts accounts, AccountChanges changes, UsageCounters counters, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.counters = counters;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Counts one more {@code metric} for the workspace; answers the new count. */
    public long record(String workspaceId, Metric metric) {
        BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
        Instant periodStart = UsagePeriods.periodStart(account, clock.instant());
        String period = metric.perPeriod() ? periodStart.toString() : UsagePeriods.TOTAL;
        long used = counters.add(workspaceId, metric, period, 1L);
        long limit = changes.limits(account).of(metric);
        long warnAt = warningAt(limit);
        Builder owed = outbox.entry();
        boolean any = false;
        // Only the increment that crosses a threshold publishes, so each event goes out once per period.
        if (used - 1 < warnAt && used >= warnAt) {
            owed.event(DomainEvent.create(BillingEvents.QUOTA_WARNING, workspaceId,
                    new QuotaReached(metric.wireName(), used, limit, periodStart.toString())));
            any = true;
        }
        if (used - 1 < limit && used >= limit) {
            owed.event(DomainEvent.create(BillingEvents.QUOTA_EXCEEDED, workspaceId,
                    new QuotaExceeded(metric.wireName(), used, limit, periodStart.toString())));
            any = true;
        }
        if (any) {
            OutboxEntry entry = owed.build();
            Map<String, AttributeValue> key = UsageCounters.key(workspaceId, metric, period);
            outbox.stage(accounts.table(), key, entry);
            outbox.deliver(accounts.table(), key, entry);
        }
        return used;
    }

    /** The count at which the warning goes out: {@value #WARNING_SHARE} of {@code limit}, rounded up. */
    public static long warningAt(long limit) {
        return (long) Math.ceil(limit * WARNING_SHARE);
    }
}

package dev.penguinmails.billing.quotas;

import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.billing.subscriptions.AccountChanges;
import dev.penguinmails.billing.usage.ConnectedMailboxes;
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
 * Counts usage (one more email or contact; a mailbox connected or removed) and publishes the quota warning (at
 * {@value #WARNING_SHARE} of the limit) and the quota exceeded event, each once: when the count crosses the threshold.
 */
@Singleton
public class QuotaService {
    public static final double WARNING_SHARE = 0.8;
    private final BillingAccounts accounts;
    private final AccountChanges changes;
    private final UsageCounters counters;
    private final ConnectedMailboxes mailboxes;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    QuotaService(BillingAccounts accounts, AccountChanges changes, UsageCounters counters, ConnectedMailboxes mailboxes,
                 Outbox outbox) {
        this(accounts, changes, counters, mailboxes, outbox, Clock.systemUTC());
    }

    QuotaService(BillingAccounts accounts, AccountChanges changes, UsageCounters counters, ConnectedMailboxes mailboxes,
                 Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.changes = changes;
        this.counters = counters;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Counts one more {@code metric} (emails, contacts) for the workspace; answers the new count. */
    public long record(String workspaceId, Metric metric) {
        BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
        Instant periodStart = UsagePeriods.periodStart(account, clock.instant());
        String period = metric.perPeriod() ? periodStart.toString() : UsagePeriods.TOTAL;
        long used = counters.add(workspaceId, metric, period, 1L);
        announceCrossing(workspaceId, metric, account, periodStart, used, UsageCounters.key(workspaceId, metric, period));
        return used;
    }

    /**
     * Records a mailbox connected or removed as of its event's {@code version}; answers how many are connected now.
     * Only a mailbox that became connected can cross a threshold, so a repeated, late or removing event never
     * announces one.
     */
    public long recordMailbox(String workspaceId, String mailboxId, long version, boolean connected) {
        boolean added = mailboxes.apply(workspaceId, mailboxId, version, connected);
        long used = mailboxes.count(workspaceId);
        if (added) {
            BillingAccount account = accounts.get(workspaceId, PlanCatalog.FREE);
            announceCrossing(workspaceId, Metric.MAILBOXES, account,
                    UsagePeriods.periodStart(account, clock.instant()), used, ConnectedMailboxes.key(workspaceId, mailboxId));
        }
        return used;
    }

    /** Publishes, through the outbox on {@code key}'s item, the warning or exceeded event that {@code used} reaches. */
    private void announceCrossing(String workspaceId, Metric metric, BillingAccount account, Instant periodStart,
                                  long used, Map<String, AttributeValue> key) {
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
            outbox.stage(accounts.table(), key, entry);
            outbox.deliver(accounts.table(), key, entry);
        }
    }

    /** The count at which the warning goes out: {@value #WARNING_SHARE} of {@code limit}, rounded up. */
    public static long warningAt(long limit) {
        return (long) Math.ceil(limit * WARNING_SHARE);
    }
}

package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.catalog.Limits;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.billing.checkout.BillingProblems;
import dev.penguinmails.billing.usage.UsageCounters;
import dev.penguinmails.billing.usage.UsagePeriods;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses a downgrade while the workspace's standing usage (mailboxes, contacts) is above the target plan's limits.
 */
@Singleton
public class UsageCheck {
    private static final List<Metric> STANDING = List.of(Metric.MAILBOXES, Metric.CONTACTS);
    private final UsageCounters counters;

    UsageCheck(UsageCounters counters) {
        this.counters = counters;
    }

    public void requireWithin(BillingAccount account, String planName, Limits target) {
        Map<Metric, Long> used = counters.all(account.workspaceId(), UsagePeriods.periodStart(account, Instant.now()).toString());
        List<FieldError> over = new ArrayList<>();
        for (Metric metric : STANDING) {
            long limit = target.of(metric);
            long count = used.getOrDefault(metric, 0L);
            if (count > limit) {
                over.add(new FieldError(metric.wireName(), "uses " + count + "; " + planName + " allows " + limit + ": remove " + (count - limit) + " first"));
            }
        }
        if (!over.isEmpty()) {
            throw new ProblemException(
                BillingProblems.USAGE_ABOVE_PLAN,
                "The workspace uses more than " + planName + " allows. Remove what is listed, then change the plan.",
                over,
                Map.of()
            );
        }
    }
}

package dev.penguinmails.billing.usage;

import dev.penguinmails.billing.account.BillingAccount;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Which period usage is counted in: the subscription's current period, or the calendar month (UTC) without one.
 */
public final class UsagePeriods {
    public static final String TOTAL = "total";

    private UsagePeriods() { }

    public static Instant periodStart(BillingAccount account, Instant now) {
        return account.periodStart() != null && account.periodEnd() != null && now.isBefore(account.periodEnd())
            ? account.periodStart()
            : YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

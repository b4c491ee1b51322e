package dev.penguinmails.billing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.billing.account.BillingAccount;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which period usage counts in: the subscription's current one, else the calendar month in UTC. */
class UsagePeriodsTest {
    private static BillingAccount withPeriod(Instant start, Instant end) {
        return new BillingAccount("ws_1", "cus_1", "sub_1", "growth", "monthly", "active", 0, start, end, false, null,
                null, null, null, false, Instant.parse("2025-03-01T00:00:00Z"), 1L);
    }

    @Test
    void withoutASubscriptionTheCalendarMonthInUtc() {
        BillingAccount free = BillingAccount.fresh("ws_1", "free");
        assertThat(UsagePeriods.periodStart(free, Instant.parse("2025-03-17T08:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        // 23:30 in New York on 31 March is already April in UTC.
        assertThat(UsagePeriods.periodStart(free, Instant.parse("2025-04-01T03:30:00Z")))
                .isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(UsagePeriods.periodStart(free, Instant.parse("2025-03-31T23:59:59Z")))
                .isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    }

    @Test
    void withASubscriptionItsCurrentPeriod() {
        Instant start = Instant.parse("2025-03-14T10:20:30Z");
        Instant end = Instant.parse("2025-04-14T10:20:30Z");
        BillingAccount account = withPeriod(start, end);
        assertThat(UsagePeriods.periodStart(account, start)).isEqualTo(start);
        assertThat(UsagePeriods.periodStart(account, Instant.parse("2025-04-02T00:00:00Z"))).isEqualTo(start);
        assertThat(UsagePeriods.periodStart(account, end.minusSeconds(1))).isEqualTo(start);
    }

    @Test
    void aPeriodThatEndedWithoutRenewalFallsBackToTheCalendarMonth() {
        BillingAccount account = withPeriod(Instant.parse("2025-03-14T10:20:30Z"), Instant.parse("2025-04-14T10:20:30Z"));
        assertThat(UsagePeriods.periodStart(account, Instant.parse("2025-04-14T10:20:30Z")))
                .isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(UsagePeriods.periodStart(account, Instant.parse("2025-05-20T00:00:00Z")))
                .isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
    }

    @Test
    void aPeriodWithoutAnEndIsNoPeriod() {
        BillingAccount account = withPeriod(Instant.parse("2025-03-14T10:20:30Z"), null);
        assertThat(UsagePeriods.periodStart(account, Instant.parse("2025-03-20T00:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    }
}

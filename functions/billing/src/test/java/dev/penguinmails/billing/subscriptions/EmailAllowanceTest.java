package dev.penguinmails.billing.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.SubscriptionState;
import dev.penguinmails.billing.catalog.PlanCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An upgrade within a period grants the bigger plan's emails only for the share of the period left. */
class EmailAllowanceTest {
    private static final Instant START = Instant.parse("2026-11-05T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(30));
    private static final long STARTER = 10_000;
    private static final long AGENCY = 1_000_000;

    private final PlanCatalog catalog = new PlanCatalog();

    @Test
    void anUpgradeOnThePeriodsLastDayAddsOneThirtiethOfTheDifference() {
        Instant lastDay = END.minus(Duration.ofDays(1));
        AccountChanges changes = changesAt(lastDay);

        BillingAccount upgraded = changes.apply(starterAccount(), state("agency", START, END, lastDay)).orElseThrow().account();

        long expected = STARTER + Math.round((AGENCY - STARTER) / 30.0);
        assertThat(upgraded.periodEmailAllowance()).isEqualTo(expected);
        assertThat(changes.limits(upgraded).emailsPerMonth()).isEqualTo((int) expected).isLessThan((int) AGENCY / 10);
    }

    @Test
    void anUpgradeAtThePeriodsStartGrantsTheWholeNewPlan() {
        AccountChanges changes = changesAt(START);

        BillingAccount upgraded = changes.apply(starterAccount(), state("agency", START, END, START)).orElseThrow().account();

        assertThat(changes.limits(upgraded).emailsPerMonth()).isEqualTo((int) AGENCY);
    }

    @Test
    void theRenewalReturnsToThePlansFullFigure() {
        Instant lastDay = END.minus(Duration.ofDays(1));
        BillingAccount upgraded = changesAt(lastDay).apply(starterAccount(), state("agency", START, END, lastDay))
                .orElseThrow().account();
        Instant renewed = END.plusSeconds(60);
        AccountChanges later = changesAt(renewed);

        BillingAccount next = later.apply(upgraded, state("agency", END, END.plus(Duration.ofDays(30)), renewed))
                .orElseThrow().account();

        assertThat(next.periodEmailAllowance()).isNull();
        assertThat(later.limits(next).emailsPerMonth()).isEqualTo((int) AGENCY);
    }

    @Test
    void aRepeatedStateOfTheSamePlanKeepsTheAllowanceItGranted() {
        Instant midway = START.plus(Duration.ofDays(15));
        AccountChanges changes = changesAt(midway);
        BillingAccount upgraded = changes.apply(starterAccount(), state("agency", START, END, midway)).orElseThrow().account();

        BillingAccount again = changes.apply(upgraded, state("agency", START, END, midway.plusSeconds(5))).orElseThrow().account();

        assertThat(again.periodEmailAllowance()).isEqualTo(upgraded.periodEmailAllowance())
                .isEqualTo(STARTER + Math.round((AGENCY - STARTER) / 2.0));
    }

    private AccountChanges changesAt(Instant now) {
        return new AccountChanges(catalog, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static BillingAccount starterAccount() {
        return new BillingAccount("ws_1", "cus_1", "sub_1", "starter", "month", "active", 0, START, END, false, null,
                null, null, null, false, START, 3L);
    }

    private static SubscriptionState state(String plan, Instant periodStart, Instant periodEnd, Instant fetchedAt) {
        return new SubscriptionState("sub_1", "cus_1", plan, "month", "active", 0, periodStart, periodEnd, false, null,
                null, fetchedAt);
    }
}

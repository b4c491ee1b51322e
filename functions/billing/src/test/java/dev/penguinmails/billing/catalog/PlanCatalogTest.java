package dev.penguinmails.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The catalog names Stripe prices by lookup key only, and finds plans back from them. */
class PlanCatalogTest {
    private final PlanCatalog catalog = new PlanCatalog();

    @Test
    void lookupKeysNameThePlanAndInterval() {
        assertThat(PlanCatalog.lookupKey("growth", Interval.MONTHLY)).isEqualTo("penguinmails_growth_monthly");
        assertThat(catalog.plan("agency").orElseThrow().lookupKey(Interval.YEARLY)).contains("penguinmails_agency_yearly");
        assertThat(catalog.addOn("extra_mailbox").orElseThrow().lookupKey(Interval.MONTHLY))
                .isEqualTo("penguinmails_addon_extra_mailbox_monthly")
                .startsWith(PlanCatalog.ADD_ON_PREFIX);
    }

    @Test
    void everyPaidPlansLookupKeyLeadsBackToItsPlanAndInterval() {
        for (Plan plan : catalog.plans()) {
            for (Interval interval : plan.pricesInCents().keySet()) {
                PlanCatalog.PlanPrice found = catalog.byLookupKey(PlanCatalog.lookupKey(plan.id(), interval)).orElseThrow();
                assertThat(found.plan().id()).isEqualTo(plan.id());
                assertThat(found.interval()).isEqualTo(interval);
                assertThat(found.amountInCents()).isEqualTo(plan.pricesInCents().get(interval));
            }
        }
        assertThat(catalog.byLookupKey("penguinmails_growth_monthly").orElseThrow().amountInCents()).isEqualTo(12_900L);
        assertThat(catalog.byLookupKey("penguinmails_growth_yearly").orElseThrow().amountInCents()).isEqualTo(129_000L);
    }

    @Test
    void addOnsFreeAndUnknownKeysAreNoPlanPrice() {
        assertThat(catalog.byLookupKey("penguinmails_addon_extra_mailbox_monthly")).isEmpty();
        assertThat(catalog.byLookupKey("penguinmails_free_monthly")).isEmpty();
        assertThat(catalog.byLookupKey("penguinmails_growth_weekly")).isEmpty();
        assertThat(catalog.byLookupKey("growth")).isEmpty();
        assertThat(catalog.free().lookupKey(Interval.MONTHLY)).isEmpty();
        assertThat(catalog.free().paid()).isFalse();
    }

    @Test
    void onlyPaidPlansAtKnownIntervalsCanBeBought() {
        assertThat(catalog.paidPrice("starter", "yearly")).map(PlanCatalog.PlanPrice::lookupKey).contains("penguinmails_starter_yearly");
        assertThat(catalog.paidPrice("free", "monthly")).isEmpty();
        assertThat(catalog.paidPrice("starter", "weekly")).isEmpty();
        assertThat(catalog.paidPrice("platinum", "monthly")).isEmpty();
    }

    @Test
    void ranksOrderThePlansFromFreeUp() {
        assertThat(catalog.plans()).extracting(Plan::id).containsExactly("free", "starter", "growth", "agency");
        assertThat(catalog.plans()).extracting(Plan::rank).isSorted().doesNotHaveDuplicates();
    }
}

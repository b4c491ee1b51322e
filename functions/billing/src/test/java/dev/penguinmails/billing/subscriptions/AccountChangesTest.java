package dev.penguinmails.billing.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.SubscriptionState;
import dev.penguinmails.billing.catalog.Limits;
import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.DunningStep;
import dev.penguinmails.events.billing.PlanChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules that turn a subscription state read from Stripe into the account in force, and the limits it grants. */
class AccountChangesTest {
    private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant END = Instant.parse("2025-07-01T00:00:00Z");
    private final AccountChanges changes = new AccountChanges(new PlanCatalog(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static SubscriptionState state(String subscriptionId, String planId, String status, int extra, Instant fetchedAt) {
        return new SubscriptionState(subscriptionId, "cus_1", planId, "monthly", status, extra, START, END, false, null,
                null, fetchedAt);
    }

    private BillingAccount applied(BillingAccount current, SubscriptionState state) {
        return changes.apply(current, state).orElseThrow().account();
    }

    private static List<String> types(List<DomainEvent<?>> events) {
        return events.stream().map(e -> e.type().detailType()).toList();
    }

    @Test
    void aFirstSubscriptionSetsThePlanAndOwesPlanAndStatusEvents() {
        AccountChanges.Change change = changes.apply(BillingAccount.fresh("ws_1", "free"),
                state("sub_1", "growth", "active", 0, NOW)).orElseThrow();

        assertThat(change.account().planId()).isEqualTo("growth");
        assertThat(change.account().version()).isEqualTo(1L);
        assertThat(types(change.events())).containsExactly("billing.plan.changed", "billing.subscription.status_changed");
        PlanChanged planChanged = (PlanChanged) change.events().get(0).payload();
        assertThat(planChanged.previousPlanId()).isEqualTo("free");
        assertThat(planChanged.limits().emailsPerMonth()).isEqualTo(100_000);
    }

    @Test
    void aStateReadBeforeTheRecordedOneIsIgnored() {
        BillingAccount current = applied(BillingAccount.fresh("ws_1", "free"), state("sub_1", "agency", "active", 0, NOW));

        Optional<AccountChanges.Change> stale = changes.apply(current, state("sub_1", "starter", "active", 0, NOW.minusSeconds(1)));
        Optional<AccountChanges.Change> sameInstant = changes.apply(current, state("sub_1", "starter", "active", 0, NOW));

        assertThat(stale).isEmpty();
        assertThat(sameInstant).map(c -> c.account().planId()).contains("starter");
    }

    @Test
    void anEndedOldSubscriptionDoesNotUndoTheLiveOne() {
        BillingAccount current = applied(BillingAccount.fresh("ws_1", "free"), state("sub_new", "growth", "active", 0, NOW));

        assertThat(changes.apply(current, state("sub_old", "starter", "canceled", 0, NOW.plusSeconds(5)))).isEmpty();
        // A live subscription replacing it is applied.
        assertThat(changes.apply(current, state("sub_other", "agency", "active", 0, NOW.plusSeconds(5))))
                .map(c -> c.account().planId()).contains("agency");
    }

    @Test
    void anEndedSubscriptionReturnsTheWorkspaceToTheFreePlansLimits() {
        BillingAccount current = applied(BillingAccount.fresh("ws_1", "free"), state("sub_1", "growth", "active", 4, NOW));
        assertThat(changes.limits(current).mailboxes()).isEqualTo(19);

        BillingAccount ended = applied(current, state("sub_1", "growth", "canceled", 4, NOW.plusSeconds(1)));

        assertThat(ended.planId()).isEqualTo("free");
        assertThat(ended.extraMailboxes()).isZero();
        assertThat(ended.interval()).isNull();
        assertThat(changes.limits(ended)).isEqualTo(new Limits(1, 500, 1000, 1, 1));
    }

    @Test
    void limitsInForceAreThePlansPlusAddOnMailboxesAndFreeForAnUnknownPlan() {
        BillingAccount starter = applied(BillingAccount.fresh("ws_1", "free"), state("sub_1", "starter", "trialing", 2, NOW));
        assertThat(changes.limits(starter)).isEqualTo(new Limits(5, 5000, 10000, 1, 2));

        BillingAccount retired = new BillingAccount("ws_1", "cus_1", "sub_1", "legacy_plan", "monthly", "active", 1, START,
                END, false, null, null, null, null, false, NOW, 3L);
        assertThat(changes.limits(retired)).isEqualTo(new Limits(2, 500, 1000, 1, 1));
    }

    @Test
    void pastDueStartsDunningAndPaymentRecovers() {
        BillingAccount active = applied(BillingAccount.fresh("ws_1", "free"), state("sub_1", "growth", "active", 0, NOW));

        AccountChanges.Change pastDue = changes.apply(active, state("sub_1", "growth", "past_due", 0, NOW.plusSeconds(1))).orElseThrow();
        assertThat(pastDue.account().pastDueSince()).isEqualTo(NOW);
        assertThat(pastDue.events()).anySatisfy(e -> assertThat(e.payload()).isInstanceOf(DunningStep.class)
                .extracting("step").isEqualTo("payment_failed"));
        // Still past due: the dunning clock keeps its start and no second step is owed.
        AccountChanges.Change again = changes.apply(pastDue.account(), state("sub_1", "growth", "past_due", 0, NOW.plusSeconds(2))).orElseThrow();
        assertThat(again.account().pastDueSince()).isEqualTo(NOW);
        assertThat(types(again.events())).doesNotContain("billing.dunning.step");

        AccountChanges.Change unpaid = changes.apply(again.account(), state("sub_1", "growth", "unpaid", 0, NOW.plusSeconds(3))).orElseThrow();
        assertThat(unpaid.account().sendingPaused()).isTrue();

        AccountChanges.Change recovered = changes.apply(unpaid.account(), state("sub_1", "growth", "active", 0, NOW.plusSeconds(4))).orElseThrow();
        assertThat(recovered.account().pastDueSince()).isNull();
        assertThat(recovered.account().sendingPaused()).isFalse();
        assertThat(recovered.events()).anySatisfy(e -> assertThat(e.payload()).extracting("step").isEqualTo("recovered"));
    }

    @Test
    void anUnchangedStateOwesNoEvents() {
        BillingAccount current = applied(BillingAccount.fresh("ws_1", "free"), state("sub_1", "growth", "active", 0, NOW));
        AccountChanges.Change same = changes.apply(current, state("sub_1", "growth", "active", 0, NOW.plusSeconds(60))).orElseThrow();
        assertThat(same.events()).isEmpty();
        assertThat(same.account().version()).isEqualTo(current.version() + 1);
    }
}

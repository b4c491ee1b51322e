package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.SubscriptionState;
import dev.penguinmails.billing.catalog.Limits;
import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.DunningStep;
import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.billing.PlanLimits;
import dev.penguinmails.events.billing.SubscriptionStatusChanged;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of billing: how a subscription state read from Stripe changes an account (plan, dunning, sending paused),
 * and which events a change owes.
 */
@Singleton
public class AccountChanges {
    private final PlanCatalog catalog;
    private final Clock clock;

    @Inject
    AccountChanges(PlanCatalog catalog) {
        this(catalog, Clock.systemUTC());
    }

    AccountChanges(PlanCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * The account after {@code state}, and the events that owes; empty when {@code state} is older than what the
     * account records, or describes an ended subscription while another one is live.
     */
    public Optional<Change> apply(BillingAccount current, SubscriptionState state) {
        boolean sameSubscription = state.subscriptionId().equals(current.subscriptionId());
        // Webhooks and our own calls race: a state read earlier than the recorded one is stale.
        if (sameSubscription && current.fetchedAt() != null && current.fetchedAt().isAfter(state.fetchedAt())) {
            return Optional.empty();
        }
        if (!sameSubscription && current.hasLiveSubscription() && !state.live()) {
            return Optional.empty();
        }
        boolean ended = !state.live();
        String planId = ended ? PlanCatalog.FREE : state.planId();
        Instant pastDueSince = current.pastDueSince();
        boolean paused = current.sendingPaused();
        List<DomainEvent<?>> events = new ArrayList<>();
        String ws = current.workspaceId();
        if ("past_due".equals(state.status()) && pastDueSince == null) {
            pastDueSince = clock.instant();
            events.add(DomainEvent.create(BillingEvents.DUNNING_STEP, ws, new DunningStep("payment_failed", state.status(), null, null)));
        } else if (List.of("active", "trialing").contains(state.status()) && (pastDueSince != null || paused)) {
            pastDueSince = null;
            paused = false;
            events.add(DomainEvent.create(BillingEvents.DUNNING_STEP, ws, new DunningStep("recovered", state.status(), null, null)));
        }
        if ("unpaid".equals(state.status()) && !paused) {
            paused = true;
            events.add(DomainEvent.create(BillingEvents.DUNNING_STEP, ws, new DunningStep("unpaid", state.status(), null, null)));
        }
        if (ended) {
            if (pastDueSince != null || paused) {
                events.add(DomainEvent.create(BillingEvents.DUNNING_STEP, ws, new DunningStep("canceled", state.status(), null, null)));
            }
            pastDueSince = null;
            paused = false;
        }
        BillingAccount next = new BillingAccount(
            ws,
            state.customerId(),
            state.subscriptionId(),
            planId,
            ended ? null : state.interval(),
            state.status(),
            ended ? 0 : state.extraMailboxes(),
            state.periodStart(),
            state.periodEnd(),
            state.cancelAtPeriodEnd(),
            state.cancelReason(),
            state.trialEnd(),
            current.pendingCheckoutId(),
            pastDueSince,
            paused,
            state.fetchedAt(),
            current.version() + 1L,
            emailAllowance(current, state, planId, ended)
        );
        events.addAll(stateEvents(current, next));
        return Optional.of(new Change(next, events));
    }

    /** The plan and status events that going from {@code before} to {@code after} owes. */
    public List<DomainEvent<?>> stateEvents(BillingAccount before, BillingAccount after) {
        List<DomainEvent<?>> events = new ArrayList<>();
        if (!before.planId().equals(after.planId())
            || before.extraMailboxes() != after.extraMailboxes()
            || !Objects.equals(before.interval(), after.interval())
            || !Objects.equals(before.periodStart(), after.periodStart())) {
            Limits limits = limits(after);
            events.add(DomainEvent.create(BillingEvents.PLAN_CHANGED, after.workspaceId(), new PlanChanged(
                    after.planId(),
                    before.planId().equals(after.planId()) ? null : before.planId(),
                    after.interval(),
                    after.status(),
                    new PlanLimits(limits.mailboxes(), limits.contacts(), limits.emailsPerMonth(),
                            limits.workspacesPerAccount(), limits.seats()),
                    text(after.periodStart()),
                    text(after.periodEnd()),
                    after.version())));
        }
        if (!before.status().equals(after.status()) || before.sendingPaused() != after.sendingPaused()) {
            events.add(DomainEvent.create(BillingEvents.SUBSCRIPTION_STATUS_CHANGED, after.workspaceId(),
                    new SubscriptionStatusChanged("none".equals(before.status()) ? null : before.status(), after.status(),
                            after.planId(), after.sendingPaused(), after.version())));
        }
        return events;
    }

    /**
     * The limits in force: the account's plan's, with its add-on mailboxes, and within the period of an upgrade the
     * pro-rata email allowance.
     */
    public Limits limits(BillingAccount account) {
        Limits plan = planLimits(account.planId()).withExtraMailboxes(account.extraMailboxes());
        Long allowance = account.periodEmailAllowance();
        boolean inPeriod = account.periodEnd() == null || clock.instant().isBefore(account.periodEnd());
        return allowance == null || !inPeriod ? plan
                : plan.withEmailsPerMonth((int) Math.min(allowance, plan.emailsPerMonth()));
    }

    private Limits planLimits(String planId) {
        return catalog.plan(planId).orElse(catalog.free()).limits();
    }

    /**
     * The emails allowed for the rest of the period after {@code state}, or null for the plan's own. An upgrade within
     * a period adds the difference between the plans only for the share of the period left when it was made:
     * otherwise a plan bought on the period's last day would give a whole month of emails for a day's proration.
     * A renewal (a new period) returns to the plan's figure.
     */
    private @Nullable Long emailAllowance(BillingAccount current, SubscriptionState state, String planId, boolean ended) {
        boolean samePeriod = !ended && state.subscriptionId().equals(current.subscriptionId())
                && state.periodStart() != null && state.periodEnd() != null
                && state.periodStart().equals(current.periodStart());
        if (!samePeriod) {
            return null;
        }
        long oldPlan = planLimits(current.planId()).emailsPerMonth();
        long newPlan = planLimits(planId).emailsPerMonth();
        Long granted = current.periodEmailAllowance();
        if (newPlan <= oldPlan) {
            // No upgrade (the same plan, or a smaller one): keep what was granted, never above the plan.
            return granted == null || granted >= newPlan ? null : granted;
        }
        long period = Duration.between(state.periodStart(), state.periodEnd()).getSeconds();
        long left = Duration.between(state.fetchedAt(), state.periodEnd()).getSeconds();
        double share = period <= 0 ? 0 : Math.max(0, Math.min(1, (double) left / period));
        return (granted == null ? oldPlan : granted) + Math.round((newPlan - oldPlan) * share);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** An account's next state and the events it owes. */
    public record Change(BillingAccount account, List<DomainEvent<?>> events) { }
}

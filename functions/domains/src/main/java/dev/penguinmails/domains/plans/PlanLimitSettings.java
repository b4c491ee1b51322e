package dev.penguinmails.domains.plans;

import dev.penguinmails.shared.plans.PlanCopy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The limits of a workspace billing has not published a plan for (a new workspace is on the free plan until it
 * subscribes), bound from {@code penguinmails.domains.plan-limits.*}. They must match the free plan of billing's
 * catalog (docs/billing/README.md, {@code PlanCatalog}).
 *
 * @param defaultPlan      the plan named in answers ({@code default-plan}, free)
 * @param defaultMailboxes mailboxes a workspace may have connected ({@code default-mailboxes}, 1)
 */
@ConfigurationProperties("penguinmails.domains.plan-limits")
public record PlanLimitSettings(@Bindable(defaultValue = "free") String defaultPlan,
                                @Bindable(defaultValue = "1") int defaultMailboxes) {

    /** The free plan as domains knows it; the limits domains does not enforce are left at 0. */
    PlanCopy defaults() {
        return new PlanCopy(defaultPlan, defaultMailboxes, 0, 0, 0, 0, 0);
    }
}

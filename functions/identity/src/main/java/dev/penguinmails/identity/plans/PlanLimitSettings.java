package dev.penguinmails.identity.plans;

import dev.penguinmails.shared.plans.PlanCopy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The limits of a workspace billing has not published a plan for (a new workspace is on the free plan until it
 * subscribes), bound from {@code penguinmails.identity.plan-limits.*}. They must match the free plan of billing's
 * catalog (docs/billing/README.md).
 *
 * @param defaultPlan                 the plan named in answers ({@code default-plan}, free)
 * @param defaultSeats                seats ({@code default-seats}, 1)
 * @param defaultWorkspacesPerAccount workspaces a person may own ({@code default-workspaces-per-account}, 1)
 */
@ConfigurationProperties("penguinmails.identity.plan-limits")
public record PlanLimitSettings(@Bindable(defaultValue = "free") String defaultPlan,
                                @Bindable(defaultValue = "1") int defaultSeats,
                                @Bindable(defaultValue = "1") int defaultWorkspacesPerAccount) {

    /** The free plan as identity knows it; the limits identity does not enforce are left at 0. */
    PlanCopy defaults() {
        return new PlanCopy(defaultPlan, 0, 0, 0, defaultWorkspacesPerAccount, defaultSeats, 0);
    }
}

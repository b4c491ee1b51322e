package dev.penguinmails.contacts.plans;

import dev.penguinmails.shared.plans.PlanCopy;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The contacts limit of a workspace billing has not published a plan for (a new workspace is on the free plan until
 * it subscribes), and when a workspace's contact counter may be counted again; bound from
 * {@code penguinmails.contacts.plan-limits.*}. The defaults must match the free plan of billing's catalog.
 *
 * @param defaultPlan     the plan named in answers ({@code default-plan}, free)
 * @param defaultContacts contacts a workspace may hold ({@code default-contacts}, 500)
 * @param recountAfter    how long a counter must have stood still before a refusal counts the contacts again to
 *                        repair it ({@code recount-after}, 5m): longer than any create between its reservation and
 *                        its write (decision 0061)
 */
@ConfigurationProperties("penguinmails.contacts.plan-limits")
public record PlanLimitSettings(@Bindable(defaultValue = "free") String defaultPlan,
                                @Bindable(defaultValue = "500") int defaultContacts,
                                @Bindable(defaultValue = "5m") Duration recountAfter) {

    /** The free plan as contacts knows it; the limits contacts does not enforce are left at 0. */
    PlanCopy defaults() {
        return new PlanCopy(defaultPlan, 0, defaultContacts, 0, 0, 0, 0);
    }
}

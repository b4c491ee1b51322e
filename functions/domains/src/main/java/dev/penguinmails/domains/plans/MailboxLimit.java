package dev.penguinmails.domains.plans;

import dev.penguinmails.shared.plans.PlanCopy;
import dev.penguinmails.shared.plans.PlanLimit;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;

/**
 * Enforces the limit domains owns: how many mailboxes a workspace may have connected (every mailbox not removed,
 * failing ones included, since they keep their place and come back with a passing test). Mailboxes above the limit
 * after a downgrade stay; only new ones are refused.
 *
 * <p>The count is read, not reserved: two mailboxes connected in the same instant may both pass the last place.
 */
@Singleton
public class MailboxLimit {
    private final WorkspacePlanStore plans;
    private final PlanLimitSettings settings;

    MailboxLimit(WorkspacePlanStore plans, PlanLimitSettings settings) {
        this.plans = plans;
        this.settings = settings;
    }

    /** The plan domains holds for the workspace: the last one billing published, or the defaults. */
    public PlanCopy planOf(TenantContext tenant) {
        return plans.find(tenant.workspaceId()).orElseGet(settings::defaults);
    }

    /** Refuses one more mailbox when {@code connected} (the workspace's live mailboxes) fill the plan's mailboxes. */
    public void requirePlaceForMailbox(TenantContext tenant, long connected) {
        PlanCopy plan = planOf(tenant);
        if (connected >= plan.mailboxes()) {
            throw PlanLimit.reached("mailboxes", plan.planId(), plan.mailboxes(), connected, "Remove a mailbox, or "
                    + "move the workspace to a plan with more mailboxes (or add the extra_mailbox add-on).");
        }
    }
}

package dev.penguinmails.shared.plans;

import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import java.util.List;
import java.util.Map;

/**
 * The one answer every family gives when a workspace's plan does not allow one more of something (seats,
 * workspaces, mailboxes, contacts): {@code 409 plan-limit}, naming the limit, the plan and the count in use,
 * so a client can tell the person what to remove or which plan to pick. Each family checks against its own
 * copy of the limits, kept from {@code billing.plan.changed}.
 */
public final class PlanLimit {
    public static final ProblemType PLAN_LIMIT = ProblemType.of("plan-limit", "The plan's limit is reached", 409);

    private PlanLimit() { }

    /**
     * @param limit   the limit's wire name, e.g. {@code seats}
     * @param planId  the plan in force, e.g. {@code free}
     * @param allowed what the plan allows
     * @param inUse   what the workspace (or account) uses now
     * @param advice  what to do about it, one sentence
     */
    public static ProblemException reached(String limit, String planId, long allowed, long inUse, String advice) {
        return new ProblemException(PLAN_LIMIT,
                "The " + planId + " plan allows " + allowed + " " + limit.replace('_', ' ') + "; " + inUse
                        + " in use. " + advice,
                List.of(new FieldError(limit, "limit " + allowed + " on the " + planId + " plan, " + inUse + " in use")),
                Map.of());
    }
}

package dev.penguinmails.billing.checkout;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/**
 * The problem types of billing's API, and the exceptions the services throw with them.
 */
public final class BillingProblems {
    public static final ProblemType ALREADY_SUBSCRIBED =
            ProblemType.of("already-subscribed", "The workspace already has a subscription", 409);
    public static final ProblemType NO_SUBSCRIPTION =
            ProblemType.of("no-subscription", "The workspace has no subscription", 409);
    public static final ProblemType UNKNOWN_PLAN =
            ProblemType.of("unknown-plan", "No such plan or price", 422);
    public static final ProblemType USAGE_ABOVE_PLAN =
            ProblemType.of("usage-above-plan", "The workspace uses more than the plan allows", 409);
    public static final ProblemType PREVIEW_EXPIRED =
            ProblemType.of("preview-expired", "The proration preview is too old to apply", 409);

    private BillingProblems() { }

    public static ProblemException alreadySubscribed() {
        return new ProblemException(ALREADY_SUBSCRIBED,
                "This workspace already has a subscription; change its plan instead of starting another.");
    }

    public static ProblemException noSubscription() {
        return new ProblemException(NO_SUBSCRIPTION, "This workspace has no paid subscription.");
    }

    public static ProblemException unknownPlan(String planId, String interval) {
        return new ProblemException(UNKNOWN_PLAN, "There is no paid plan '" + planId + "' billed " + interval + ".");
    }
}

package dev.penguinmails.sending.campaigns;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** Problems of changing campaigns. */
public final class CampaignProblems {
    public static final ProblemType ILLEGAL_TRANSITION =
            ProblemType.of("campaign-illegal-transition", "The campaign cannot make this move from its status", 409);
    public static final ProblemType CHANGED_MEANWHILE =
            ProblemType.of("campaign-changed", "The campaign was changed meanwhile", 409);
    public static final ProblemType LOCKED =
            ProblemType.of("campaign-locked", "This part of the campaign cannot change in its status", 409);

    private CampaignProblems() { }

    public static ProblemException notFound() {
        return ProblemException.notFound("This workspace has no such campaign.");
    }

    static ProblemException illegal(CampaignStatus from, CampaignStatus.Action action) {
        return new ProblemException(ILLEGAL_TRANSITION, "A " + from.wire() + " campaign cannot "
                + action.name().toLowerCase(java.util.Locale.ROOT) + "; from " + from.wire() + " it may "
                + (from.allowed().isEmpty() ? "do nothing more"
                : from.allowed().stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()) + ".");
    }

    static ProblemException changedMeanwhile(long current) {
        return new ProblemException(CHANGED_MEANWHILE, "The campaign is at version " + current
                + "; read it again and retry with that version.");
    }

    static ProblemException locked(String detail) {
        return new ProblemException(LOCKED, detail);
    }
}

package dev.penguinmails.identity.workspaces;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** Problems of the workspace lifecycle. */
public final class WorkspaceProblems {
    public static final ProblemType NOT_DELETED = ProblemType.of("workspace-not-deleted", "The workspace is not deleted", 409);
    public static final ProblemType RESTORE_PERIOD_ENDED =
            ProblemType.of("restore-period-ended", "The workspace can no longer be restored", 409);

    private WorkspaceProblems() { }

    static ProblemException notDeleted() {
        return new ProblemException(NOT_DELETED, "This workspace is active; only a deleted workspace can be restored.");
    }

    static ProblemException restorePeriodEnded() {
        return new ProblemException(RESTORE_PERIOD_ENDED,
                "The grace period of this deleted workspace has ended; its data is being purged.");
    }

    static ProblemException changedMeanwhile() {
        return ProblemException.conflict("The workspace was changed meanwhile; reload it and try again.");
    }
}

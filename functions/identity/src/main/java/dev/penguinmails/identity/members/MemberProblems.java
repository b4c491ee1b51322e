package dev.penguinmails.identity.members;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** Problems of membership changes. */
public final class MemberProblems {
    public static final ProblemType LAST_OWNER = ProblemType.of("last-owner", "A workspace needs an owner", 409);
    public static final ProblemType PRIMARY_OWNER =
            ProblemType.of("primary-owner", "The primary owner must transfer ownership first", 409);

    private MemberProblems() { }

    static ProblemException lastOwner() {
        return new ProblemException(LAST_OWNER, "You are the only owner of this workspace. Transfer ownership to "
                + "another member first, or delete the workspace.");
    }

    static ProblemException primaryOwner() {
        return new ProblemException(PRIMARY_OWNER, "This is the workspace's primary owner. The primary owner cannot "
                + "leave, be removed or be demoted; transfer ownership (POST .../transfer-ownership) first.");
    }

    static ProblemException noSuchMember() {
        return ProblemException.notFound("This workspace has no such member.");
    }

    static ProblemException outranked() {
        return ProblemException.forbidden("You can only change or remove members whose role is below yours, "
                + "and only give roles below yours.");
    }
}

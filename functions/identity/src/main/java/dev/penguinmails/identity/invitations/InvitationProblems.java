package dev.penguinmails.identity.invitations;

import dev.penguinmails.identity.tokens.OneTimeTokens;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** Problems of invitations. */
public final class InvitationProblems {
    public static final ProblemType ALREADY_MEMBER = ProblemType.of("already-member", "Already a member", 409);
    public static final ProblemType INVITATION_PENDING =
            ProblemType.of("invitation-pending", "An invitation to this address is pending", 409);
    public static final ProblemType NOT_PENDING =
            ProblemType.of("invitation-not-pending", "The invitation was already accepted or revoked", 409);
    public static final ProblemType EMAIL_MISMATCH =
            ProblemType.of("invitation-email-mismatch", "The invitation is for another address", 403);
    public static final ProblemType ACCOUNT_EXISTS =
            ProblemType.of("account-exists", "An account with this address exists", 409);

    private InvitationProblems() { }

    /** The one answer for a link that is malformed, unknown, expired, used, revoked or tampered with. */
    static ProblemException invalidToken() {
        return new ProblemException(OneTimeTokens.INVALID_TOKEN,
                "This invitation link is not valid: it may have expired, been used or been revoked. Ask for a new one.");
    }

    static ProblemException alreadyMember() {
        return new ProblemException(ALREADY_MEMBER, "This address belongs to a member of the workspace already.");
    }

    static ProblemException pending(String invitationId) {
        return new ProblemException(INVITATION_PENDING, "An invitation to this address is pending (" + invitationId
                + "); resend it with POST .../invitations/" + invitationId + " {\"action\":\"resend\"}.");
    }

    static ProblemException notPending() {
        return new ProblemException(NOT_PENDING, "This invitation was already accepted or revoked.");
    }

    static ProblemException emailMismatch() {
        return new ProblemException(EMAIL_MISMATCH,
                "This invitation was sent to another address. Sign in with the invited address to accept it.");
    }

    static ProblemException accountExists() {
        return new ProblemException(ACCOUNT_EXISTS, "An account with the invited address exists. Sign in and accept "
                + "the invitation with your access token (Authorization: Bearer ...), without name and password.");
    }

    static ProblemException noSuchInvitation() {
        return ProblemException.notFound("This workspace has no such invitation.");
    }
}

package dev.penguinmails.shared.auth;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** The problems authentication and authorisation answer with, beside the generic 401/403/404. */
public final class AuthProblems {
    /** The action needs a verified email address (sending campaigns, inviting people, creating API keys, ...). */
    public static final ProblemType EMAIL_NOT_VERIFIED =
            ProblemType.of("email-not-verified", "Verify your email address first", 403);

    private AuthProblems() { }

    /** 401 with {@code WWW-Authenticate: Bearer}; the detail is safe to show (it never says which check failed). */
    public static ProblemException unauthenticated(String detail) {
        return ProblemException.unauthorized(detail);
    }

    /** The answer for a workspace the caller may not see: exactly what a workspace that does not exist gets. */
    public static ProblemException workspaceNotFound() {
        return ProblemException.notFound("There is no such workspace, or you are not a member of it.");
    }

    public static ProblemException missingPermission(Permission permission) {
        return ProblemException.forbidden("Your role in this workspace does not allow this ("
                + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ").");
    }

    public static ProblemException emailNotVerified() {
        return emailNotVerified("Verify your email address before sending campaigns; we sent you a link when you signed up.");
    }

    /** 403 {@code email-not-verified} with a detail that names what needs the verified address. */
    public static ProblemException emailNotVerified(String detail) {
        return new ProblemException(EMAIL_NOT_VERIFIED, detail);
    }
}

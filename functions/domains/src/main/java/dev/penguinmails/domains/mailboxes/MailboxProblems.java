package dev.penguinmails.domains.mailboxes;

import dev.penguinmails.domains.mailboxes.connection.ConnectionResult;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import java.util.List;
import java.util.Map;

/** Problems of connecting and changing mailboxes. */
public final class MailboxProblems {
    public static final ProblemType MAILBOX_EXISTS =
            ProblemType.of("mailbox-exists", "The workspace has this mailbox already", 409);
    public static final ProblemType CONNECTION_FAILED =
            ProblemType.of("mailbox-connection-failed", "The mailbox's servers could not be logged in to", 422);
    public static final ProblemType CHANGED_MEANWHILE =
            ProblemType.of("mailbox-changed", "The mailbox was changed meanwhile", 409);

    private MailboxProblems() { }

    static ProblemException exists(String address, String id) {
        return new ProblemException(MAILBOX_EXISTS, "The workspace has " + address + " already (" + id
                + "); PATCH it to change its settings or password.");
    }

    /** Each failed protocol as a field error ({@code smtp}, {@code imap}): what happened and what to do. */
    static ProblemException connectionFailed(List<ConnectionResult> results) {
        List<FieldError> errors = results.stream().filter(r -> !r.passed())
                .map(r -> new FieldError(r.protocol().wire(), r.outcome().wire() + ": "
                        + (r.detail() == null ? "" : r.detail() + ". ") + r.hint()))
                .toList();
        String first = results.stream().filter(r -> !r.passed()).findFirst().map(ConnectionResult::summary).orElse("");
        return new ProblemException(CONNECTION_FAILED, "Nothing was saved: the connection test failed (" + first
                + "). Each failed server is listed under errors with what to check.", errors, Map.of());
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("This workspace has no such mailbox.");
    }

    static ProblemException changedMeanwhile() {
        return new ProblemException(CHANGED_MEANWHILE, "The mailbox was changed meanwhile; read it again and retry.");
    }
}

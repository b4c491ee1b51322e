package dev.penguinmails.contacts.catalog;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import java.util.List;
import java.util.Map;

/** Problems of adding and changing contacts. */
public final class ContactProblems {
    public static final ProblemType CONTACT_EXISTS =
            ProblemType.of("contact-exists", "The workspace has a contact with this email already", 409);
    public static final ProblemType CONTACT_ERASED =
            ProblemType.of("contact-erased", "This person was erased from the workspace", 409);
    public static final ProblemType CHANGED_MEANWHILE =
            ProblemType.of("contact-changed", "The contact was changed meanwhile", 409);

    private ContactProblems() { }

    /** The 409 naming the contact that has the address, in the detail and as {@code Location}. */
    static ProblemException exists(String workspaceId, String existingId) {
        return new ProblemException(CONTACT_EXISTS, "The workspace has a contact with this email already: "
                + existingId + ". Emails are compared trimmed and without regard to case; PATCH that contact to change it.",
                List.of(), Map.of("Location", "/v1/workspaces/" + workspaceId + "/contacts/" + existingId));
    }

    static ProblemException erased() {
        return new ProblemException(CONTACT_ERASED, "This address belongs to a person erased from the workspace on "
                + "request. To add them again (for example after they subscribed anew), remove its erased entry from "
                + "the suppression list first.");
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("This workspace has no such contact.");
    }

    static ProblemException changedMeanwhile() {
        return new ProblemException(CHANGED_MEANWHILE, "The contact was changed meanwhile; read it again and retry.");
    }
}

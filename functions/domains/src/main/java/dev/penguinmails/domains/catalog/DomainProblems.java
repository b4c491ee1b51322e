package dev.penguinmails.domains.catalog;

import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;

/** Problems of adding and changing domains. */
public final class DomainProblems {
    public static final ProblemType DOMAIN_EXISTS = ProblemType.of("domain-exists", "The workspace has this domain already", 409);
    public static final ProblemType DOMAIN_CLAIMED =
            ProblemType.of("domain-claimed", "Another workspace has verified this domain", 409);
    public static final ProblemType CHANGED_MEANWHILE =
            ProblemType.of("domain-changed", "The domain was changed meanwhile", 409);

    private DomainProblems() { }

    static ProblemException exists(String name) {
        return new ProblemException(DOMAIN_EXISTS, "The workspace has " + name + " already; GET .../domains/" + name
                + " shows it and the records to publish.");
    }

    /** The name is verified in another workspace; which one is never said. */
    static ProblemException claimed(String name) {
        return new ProblemException(DOMAIN_CLAIMED, name + " is verified in another PenguinMails workspace, and a "
                + "domain sends from one workspace only. If your organisation controls " + name + ", contact "
                + "PenguinMails support to prove it; a name another workspace has only added, not verified, can be added.");
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("This workspace has no such domain.");
    }

    public static ProblemException changedMeanwhile() {
        return new ProblemException(CHANGED_MEANWHILE, "The domain was changed meanwhile; read it again and retry.");
    }
}

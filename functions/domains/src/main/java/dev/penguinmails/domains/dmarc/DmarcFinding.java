package dev.penguinmails.domains.dmarc;

import dev.penguinmails.domains.checks.Severity;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** One problem found in a DMARC record: which tag (null when about the whole record) and why. */
@Serdeable
public record DmarcFinding(DmarcProblem problem, String tag, String detail) {
    public DmarcFinding {
        Objects.requireNonNull(problem, "problem");
    }

    /** The problem's severity. */
    public Severity severity() {
        return problem.severity();
    }
}

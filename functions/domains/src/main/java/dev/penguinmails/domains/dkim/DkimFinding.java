package dev.penguinmails.domains.dkim;

import dev.penguinmails.domains.checks.Severity;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** One problem found in a DKIM key record, and why. */
@Serdeable
public record DkimFinding(DkimProblem problem, String detail) {
    public DkimFinding {
        Objects.requireNonNull(problem, "problem");
    }

    /** The problem's severity. */
    public Severity severity() {
        return problem.severity();
    }
}

package dev.penguinmails.domains.spf;

import dev.penguinmails.domains.checks.Severity;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/** One problem found in an SPF setup: where (domain and term, null when about the whole record) and why. */
@Serdeable
public record SpfFinding(SpfProblem problem, String domain, String term, String detail) {
    public SpfFinding {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(domain, "domain");
    }

    /** The problem's severity. */
    public Severity severity() {
        return problem.severity();
    }
}

package dev.penguinmails.domains.dkim;

import dev.penguinmails.domains.checks.Severity;
import java.util.List;

/** Whether a published DKIM key record carries our key ({@code matches}), and what else is wrong with it. */
public record DkimReport(String recordName, String text, boolean matches, List<DkimFinding> findings) {
    public DkimReport {
        findings = List.copyOf(findings);
    }

    /** True when the record carries our key and nothing of severity ERROR or UNKNOWN was found. */
    public boolean isValid() {
        return matches && findings.stream()
                .noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.UNKNOWN);
    }

    /** True when {@code problem} was found. */
    public boolean has(DkimProblem problem) {
        return findings.stream().anyMatch(f -> f.problem() == problem);
    }
}

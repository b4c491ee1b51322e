package dev.penguinmails.domains.dmarc;

import dev.penguinmails.domains.checks.Severity;
import java.util.List;

/**
 * The DMARC check of one domain: the name the applying record was found at ({@code _dmarc.<domain>}, or the
 * organizational domain's when inherited), its text and parsed form (null when none is usable), and findings.
 */
public record DmarcReport(String domain, String recordName, String text, DmarcRecord record,
                          List<DmarcFinding> findings) {
    public DmarcReport {
        findings = List.copyOf(findings);
    }

    /** True when a usable record applies and nothing of severity ERROR or UNKNOWN was found. */
    public boolean isValid() {
        return record != null && findings.stream()
                .noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.UNKNOWN);
    }

    /** True when {@code problem} was found. */
    public boolean has(DmarcProblem problem) {
        return findings.stream().anyMatch(f -> f.problem() == problem);
    }
}

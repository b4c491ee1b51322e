package dev.penguinmails.domains.dmarc;

import java.util.List;
import java.util.Objects;

/**
 * A usable DMARC record, with RFC 7489's defaults filled in for tags left out: sp as p, pct 100, relaxed
 * alignment, fo 0, ri 86400 seconds.
 */
public record DmarcRecord(DmarcPolicy policy, DmarcPolicy subdomainPolicy, List<ReportUri> aggregateReports,
                          List<ReportUri> failureReports, int percent, Alignment dkimAlignment,
                          Alignment spfAlignment, List<String> failureOptions, long reportInterval) {
    public DmarcRecord {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(subdomainPolicy, "subdomainPolicy");
        aggregateReports = List.copyOf(aggregateReports);
        failureReports = List.copyOf(failureReports);
        failureOptions = List.copyOf(failureOptions);
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("pct out of range: " + percent);
        }
    }
}

package dev.penguinmails.domains.dmarc;

import dev.penguinmails.domains.checks.Severity;

/** What can be wrong with, or worth saying about, a domain's DMARC record; each with its fixed severity. */
public enum DmarcProblem {
    /** No DMARC record at {@code _dmarc.<domain>} (nor at the organizational domain). */
    NO_RECORD(Severity.ERROR),
    /** Several DMARC records: receivers apply none (§6.6.3). */
    MULTIPLE_RECORDS(Severity.ERROR),
    /** The record does not start with {@code v=DMARC1}: receivers discard it. */
    BAD_VERSION(Severity.ERROR),
    /** No valid p tag. */
    MISSING_POLICY(Severity.ERROR),
    /** A tag's value breaks RFC 7489's grammar. */
    INVALID_VALUE(Severity.ERROR),
    /** A tag is given twice. */
    DUPLICATE_TAG(Severity.ERROR),
    /** A part is not a {@code tag=value} pair. */
    SYNTAX(Severity.ERROR),
    /** A tag RFC 7489 does not define; receivers ignore it. */
    UNKNOWN_TAG(Severity.WARNING),
    /** No rua: nobody receives aggregate reports, so the rollout cannot be judged. */
    NO_AGGREGATE_REPORTS(Severity.WARNING),
    /** A report URI other than mailto, which few receivers support. */
    NON_MAILTO_URI(Severity.WARNING),
    /** p=none: monitoring only, failing mail is delivered. */
    MONITORING_ONLY(Severity.INFO),
    /** pct below 100: the policy applies to part of the failing mail only. */
    PARTIAL_PERCENT(Severity.INFO),
    /** The domain has no record of its own; the organizational domain's applies. */
    INHERITED(Severity.INFO),
    /** A query failed (timeout, SERVFAIL, REFUSED): the record is unknown. */
    DNS_ERROR(Severity.UNKNOWN);

    private final Severity severity;

    DmarcProblem(Severity severity) {
        this.severity = severity;
    }

    /** How much this problem matters. */
    public Severity severity() {
        return severity;
    }
}

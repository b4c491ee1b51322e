package dev.penguinmails.domains.spf;

import dev.penguinmails.domains.checks.Severity;

/** What can be wrong with, or worth saying about, a domain's SPF setup; each with its fixed severity. */
public enum SpfProblem {
    /** No {@code v=spf1} record at the domain. */
    NO_RECORD(Severity.ERROR),
    /** More than one {@code v=spf1} record at one name: a permerror (§4.5). */
    MULTIPLE_RECORDS(Severity.ERROR),
    /** A term breaks the grammar: a permerror. */
    SYNTAX(Severity.ERROR),
    /** More than 10 mechanisms and modifiers that query DNS: a permerror (§4.6.4). */
    TOO_MANY_LOOKUPS(Severity.ERROR),
    /** More than 2 queries answered NXDOMAIN or NODATA: a permerror (§4.6.4). */
    TOO_MANY_VOID_LOOKUPS(Severity.ERROR),
    /** An {@code mx} target with more than 10 MX records: a permerror (§4.6.4). */
    TOO_MANY_MX(Severity.ERROR),
    /** An include or redirect leads back to a domain already being evaluated. */
    LOOP(Severity.ERROR),
    /** An include target has no SPF record: a permerror (§5.2). */
    INCLUDE_WITHOUT_RECORD(Severity.ERROR),
    /** A redirect target has no SPF record: a permerror (§6.1). */
    REDIRECT_WITHOUT_RECORD(Severity.ERROR),
    /** {@code +all}: every host on the internet may send as the domain. */
    ALL_PASSES_EVERYONE(Severity.ERROR),
    /** {@code ?all}: unlisted hosts get neutral, the same as having no SPF. */
    ALL_NEUTRAL(Severity.WARNING),
    /** Neither {@code all} nor {@code redirect}: unlisted hosts get neutral. */
    NO_ALL(Severity.WARNING),
    /** {@code ptr} is slow, unreliable and deprecated (§5.5). */
    PTR_DEPRECATED(Severity.WARNING),
    /** Mechanisms after {@code all} are never evaluated. */
    TERMS_AFTER_ALL(Severity.WARNING),
    /** A domain-spec with macros depends on the connection; its lookup is counted but not made. */
    MACRO_NOT_CHECKED(Severity.INFO),
    /** Following stopped after too many lookups; the count is a lower bound. */
    COUNT_TRUNCATED(Severity.INFO),
    /** A query failed (timeout, SERVFAIL, REFUSED): that part of the record is unknown. */
    DNS_ERROR(Severity.UNKNOWN);

    private final Severity severity;

    SpfProblem(Severity severity) {
        this.severity = severity;
    }

    /** How much this problem matters. */
    public Severity severity() {
        return severity;
    }
}

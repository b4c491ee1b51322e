package dev.penguinmails.domains.dkim;

import dev.penguinmails.domains.checks.Severity;

/** What can be wrong with a published DKIM key record; each with its fixed severity. */
public enum DkimProblem {
    /** No key record at {@code <selector>._domainkey.<domain>}. */
    NO_RECORD(Severity.ERROR),
    /** Several key records at the selector: receivers may pick either. */
    MULTIPLE_RECORDS(Severity.ERROR),
    /** Not a {@code tag=value} list, a tag given twice, or v= not first or not DKIM1. */
    SYNTAX(Severity.ERROR),
    /** {@code p=} is empty: the key is revoked (RFC 6376 §3.6.1). */
    REVOKED(Severity.ERROR),
    /** {@code k=} names another algorithm than rsa. */
    WRONG_KEY_TYPE(Severity.ERROR),
    /** {@code p=} is not a base64 RSA SubjectPublicKeyInfo. */
    INVALID_KEY(Severity.ERROR),
    /** The published key is not our key. */
    KEY_MISMATCH(Severity.ERROR),
    /** {@code h=} allows no sha256: RFC 8301 forbids sha1. */
    NO_SHA256(Severity.ERROR),
    /** {@code s=} excludes email. */
    NOT_FOR_EMAIL(Severity.ERROR),
    /** {@code t=y}: receivers must not treat failures differently from unsigned mail. */
    TESTING(Severity.WARNING),
    /** A query failed (timeout, SERVFAIL, REFUSED): the record is unknown. */
    DNS_ERROR(Severity.UNKNOWN);

    private final Severity severity;

    DkimProblem(Severity severity) {
        this.severity = severity;
    }

    /** How much this problem matters. */
    public Severity severity() {
        return severity;
    }
}

package dev.penguinmails.domains.checks;

/** How much a finding of a DNS check matters to a domain's setup. */
public enum Severity {
    /** Receivers will reject or ignore the record: the setup is broken. */
    ERROR,
    /** The setup works but is risky or weaker than it should be. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO,
    /** DNS did not answer (timeout, SERVFAIL, REFUSED): the check could not decide. */
    UNKNOWN
}

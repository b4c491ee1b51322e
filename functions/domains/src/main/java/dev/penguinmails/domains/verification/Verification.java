package dev.penguinmails.domains.verification;

import dev.penguinmails.domains.catalog.Domain;
import java.util.List;

/**
 * One verification of a domain: every record check, what they mean together, the domain as it stands after, and
 * the DNS queries it cost. UNKNOWN (DNS did not answer for a record sending needs) changes nothing.
 */
public record Verification(Domain domain, Outcome outcome, List<RecordCheck> checks, long queries) {
    public Verification {
        checks = List.copyOf(checks);
    }

    public enum Outcome { PASSED, FAILED, UNKNOWN }

    static Outcome of(List<RecordCheck> checks) {
        if (checks.stream().anyMatch(RecordCheck::blocksSending)) {
            return Outcome.FAILED;
        }
        if (checks.stream().anyMatch(c -> c.required() && c.state() == RecordCheck.Status.UNKNOWN)) {
            return Outcome.UNKNOWN;
        }
        return Outcome.PASSED;
    }

    /** What blocks sending, one line each, for events and notices. */
    public List<String> problems() {
        return checks.stream().filter(RecordCheck::blocksSending).map(RecordCheck::summary).toList();
    }
}

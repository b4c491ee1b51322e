package dev.penguinmails.domains.spf;

import java.util.Objects;

/** Plans the SPF change a domain needs for our include, with the lookup count the result would have. */
public final class SpfMergePlanner {
    private final SpfChecker checker;

    public SpfMergePlanner(SpfChecker checker) {
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /** Checks {@code domain}'s SPF and our {@code include}'s tree, then says what to publish. */
    public SpfMergePlan plan(String domain, String include) {
        SpfReport current = checker.check(domain);
        String blocked = blockingReason(current);
        if (blocked != null) {
            return new SpfMergePlan(current.domain(), SpfMergePlan.Outcome.BLOCKED, current.record(), null,
                    current.lookups(), current.lookups() > SpfReport.MAX_LOOKUPS, blocked);
        }
        if (current.authorizes(include)) {
            return new SpfMergePlan(current.domain(), SpfMergePlan.Outcome.ALREADY_PRESENT, current.record(),
                    current.record(), current.lookups(), current.lookups() > SpfReport.MAX_LOOKUPS, null);
        }
        SpfMerge.Result merged;
        try {
            merged = SpfMerge.merge(current.record(), include);
        } catch (SpfSyntaxException e) {
            return new SpfMergePlan(current.domain(), SpfMergePlan.Outcome.BLOCKED, current.record(), null,
                    current.lookups(), false, e.getMessage());
        }
        // Our include costs one lookup plus every lookup inside our own record's tree.
        int lookupsAfter = current.lookups() + 1 + checker.check(include).lookups();
        SpfMergePlan.Outcome outcome = current.record() == null ? SpfMergePlan.Outcome.CREATE : SpfMergePlan.Outcome.UPDATE;
        boolean exceeds = lookupsAfter > SpfReport.MAX_LOOKUPS;
        return new SpfMergePlan(current.domain(), outcome, current.record(), merged.record(), lookupsAfter, exceeds,
                exceeds ? lookupsAfter + " DNS lookups after the merge, at most " + SpfReport.MAX_LOOKUPS + " allowed" : null);
    }

    private static String blockingReason(SpfReport current) {
        if (current.isUnknown()) {
            return "DNS did not answer for " + current.domain() + "; try again later";
        }
        if (current.has(SpfProblem.MULTIPLE_RECORDS) && current.record() == null) {
            return "several SPF records at " + current.domain() + "; merge them into one by hand";
        }
        if (current.record() != null && current.findings().stream()
                .anyMatch(f -> f.problem() == SpfProblem.SYNTAX && f.domain().equals(current.domain()))) {
            return "the current SPF record is invalid; fix its syntax first";
        }
        return null;
    }
}

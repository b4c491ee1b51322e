package dev.penguinmails.domains.spf;

import dev.penguinmails.domains.dns.DomainNames;
import dev.penguinmails.domains.spf.SpfTerm.Mechanism;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one SPF record a domain should publish so that it also authorizes our include: every existing term
 * kept in order, ours placed before {@code all}.
 */
public final class SpfMerge {
    private SpfMerge() {
    }

    /** The record with ours added; {@code changed} is false when the record already includes ours with PASS. */
    public record Result(String record, boolean changed) {
    }

    /**
     * Merges {@code include} (a domain such as {@code _spf.penguinmails.example}) into {@code existing}, which may
     * be null when the domain has no SPF record (then {@code v=spf1 include:<ours> ~all}).
     */
    public static Result merge(String existing, String include) throws SpfSyntaxException {
        String ours = "include:" + DomainNames.normalize(include);
        if (existing == null) {
            return new Result(SpfRecord.VERSION + " " + ours + " ~all", true);
        }
        SpfRecord record = SpfParser.parse(existing);
        if (includesDirectly(record, include)) {
            return new Result(record.text(), false);
        }
        Mechanism added = new Mechanism(ours, Qualifier.PASS, MechanismKind.INCLUDE, DomainNames.normalize(include), null);
        List<SpfTerm> terms = new ArrayList<>(record.terms());
        int all = indexOfAll(terms);
        if (all >= 0) {
            terms.add(all, added);
        } else {
            terms.add(afterLastMechanism(terms), added);
            // A record with a redirect but no all must keep lacking all: an all would disable the redirect (§6.1).
            if (record.redirect().isEmpty()) {
                terms.add(new Mechanism("~all", Qualifier.SOFTFAIL, MechanismKind.ALL, null, null));
            }
        }
        return new Result(new SpfRecord(terms).text(), true);
    }

    /** True when {@code record} itself names {@code include} in a PASS include (nesting is not looked at). */
    public static boolean includesDirectly(SpfRecord record, String include) {
        String wanted = DomainNames.normalize(include);
        return record.effectiveMechanisms().stream().anyMatch(m -> m.kind() == MechanismKind.INCLUDE
                && m.qualifier() == Qualifier.PASS && !m.hasMacro()
                && DomainNames.normalize(m.domainSpec()).equals(wanted));
    }

    private static int indexOfAll(List<SpfTerm> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) instanceof Mechanism m && m.kind() == MechanismKind.ALL) {
                return i;
            }
        }
        return -1;
    }

    private static int afterLastMechanism(List<SpfTerm> terms) {
        int position = 0;
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) instanceof Mechanism) {
                position = i + 1;
            }
        }
        return position;
    }
}

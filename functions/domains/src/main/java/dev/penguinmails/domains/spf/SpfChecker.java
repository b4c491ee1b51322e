package dev.penguinmails.domains.spf;

import dev.penguinmails.domains.dns.DnsAnswer;
import dev.penguinmails.domains.dns.DnsLookup;
import dev.penguinmails.domains.dns.DnsStatus;
import dev.penguinmails.domains.dns.DomainNames;
import dev.penguinmails.domains.dns.MxRecord;
import dev.penguinmails.domains.dns.TxtRecord;
import dev.penguinmails.domains.spf.SpfTerm.Mechanism;
import dev.penguinmails.domains.spf.SpfTerm.Modifier;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a domain's SPF setup per RFC 7208: one record, valid syntax, and the lookup and void-lookup limits
 * counted over every branch of the include/redirect tree (any branch may be reached by some sender, so a
 * setup is only safe when all of them fit). It does not evaluate a connection.
 */
public final class SpfChecker {
    /** Following stops past this many lookups, bounding the DNS queries one check costs. */
    static final int FOLLOW_LIMIT = 30;
    private static final int MAX_MX_RECORDS = 10;

    private final DnsLookup dns;

    public SpfChecker(DnsLookup dns) {
        this.dns = Objects.requireNonNull(dns, "dns");
    }

    /** Checks the SPF record at {@code domain} and everything it includes or redirects to. */
    public SpfReport check(String domain) {
        Walk walk = new Walk(DomainNames.normalize(domain));
        Optional<String> text = spfText(walk, walk.domain, null, null, false);
        if (text.isEmpty()) {
            return walk.report(null);
        }
        Optional<SpfRecord> record = parsed(walk, walk.domain, text.get());
        if (record.isPresent()) {
            Deque<String> path = new ArrayDeque<>(List.of(walk.domain));
            evaluate(walk, walk.domain, record.get(), path, Scope.TOP, 0);
            if (walk.lookups > SpfReport.MAX_LOOKUPS) {
                walk.add(SpfProblem.TOO_MANY_LOOKUPS, walk.domain, null,
                        walk.lookups + " DNS lookups, at most " + SpfReport.MAX_LOOKUPS + " allowed");
            }
            if (walk.voidLookups > SpfReport.MAX_VOID_LOOKUPS) {
                walk.add(SpfProblem.TOO_MANY_VOID_LOOKUPS, walk.domain, null,
                        walk.voidLookups + " lookups without answer, at most " + SpfReport.MAX_VOID_LOOKUPS + " allowed");
            }
        }
        return walk.report(text.get());
    }

    private void evaluate(Walk walk, String domain, SpfRecord record, Deque<String> path, Scope scope, int depth) {
        for (Mechanism mechanism : record.effectiveMechanisms()) {
            if (mechanism.kind().countsLookup()) {
                walk.lookups++;
            }
            switch (mechanism.kind()) {
                case INCLUDE -> follow(walk, domain, mechanism.text(), mechanism.domainSpec(), path,
                        scope.inside(mechanism.qualifier()), depth, false);
                case A -> queryAddress(walk, domain, mechanism);
                case MX -> queryMx(walk, domain, mechanism);
                case EXISTS -> queryExists(walk, domain, mechanism);
                case PTR -> walk.add(SpfProblem.PTR_DEPRECATED, domain, mechanism.text(), "use ip4/ip6 or include instead");
                case IP4, IP6 -> walk.networks.add(
                        new SpfNetwork(mechanism.network(), domain, scope.result(mechanism.qualifier())));
                case ALL -> checkAll(walk, domain, mechanism, scope);
            }
        }
        if (!record.mechanismsAfterAll().isEmpty()) {
            walk.add(SpfProblem.TERMS_AFTER_ALL, domain, record.mechanismsAfterAll().get(0).text(), "never evaluated");
        }
        if (record.all().isPresent()) {
            return;
        }
        Optional<Modifier> redirect = record.redirect();
        if (redirect.isPresent()) {
            walk.lookups++;
            follow(walk, domain, redirect.get().text(), redirect.get().value(), path, scope, depth, true);
        } else if (scope.topLevel()) {
            walk.add(SpfProblem.NO_ALL, domain, null, "hosts not listed get neutral; end with ~all or -all");
        }
    }

    private void checkAll(Walk walk, String domain, Mechanism all, Scope scope) {
        if (scope.result(all.qualifier()) == Qualifier.PASS) {
            walk.add(SpfProblem.ALL_PASSES_EVERYONE, domain, all.text(), "any host may send as " + walk.domain);
        } else if (scope.topLevel() && all.qualifier() == Qualifier.NEUTRAL) {
            walk.add(SpfProblem.ALL_NEUTRAL, domain, all.text(), "use ~all or -all");
        }
    }

    private void follow(Walk walk, String from, String term, String spec, Deque<String> path, Scope scope, int depth,
                        boolean redirect) {
        if (spec.contains("%")) {
            walk.add(SpfProblem.MACRO_NOT_CHECKED, from, term, "target depends on the sender");
            return;
        }
        if (walk.lookups > FOLLOW_LIMIT) {
            walk.truncated = true;
            return;
        }
        String target = DomainNames.normalize(spec);
        if (path.contains(target)) {
            List<String> chain = new ArrayList<>(path);
            Collections.reverse(chain);
            walk.add(SpfProblem.LOOP, from, term, target + " is already being evaluated: " + String.join(" -> ", chain));
            return;
        }
        Optional<SpfRecord> record = spfText(walk, target, from, term, true).flatMap(text -> parsed(walk, target, text));
        if (record.isEmpty()) {
            return;
        }
        walk.includes.add(new IncludedDomain(target, redirect, depth + 1, scope.result(Qualifier.PASS)));
        path.push(target);
        evaluate(walk, target, record.get(), path, scope, depth + 1);
        path.pop();
    }

    /**
     * The one SPF record's text at {@code domain}, or empty after adding the finding that explains why not.
     * {@code term} is the include/redirect leading here, null for the checked domain itself.
     */
    private Optional<String> spfText(Walk walk, String domain, String from, String term, boolean countVoid) {
        DnsAnswer<TxtRecord> answer = dns.txt(domain);
        String where = term == null ? domain : from;
        SpfProblem missing = term == null ? SpfProblem.NO_RECORD
                : term.toLowerCase(Locale.ROOT).startsWith("redirect") ? SpfProblem.REDIRECT_WITHOUT_RECORD
                : SpfProblem.INCLUDE_WITHOUT_RECORD;
        if (answer.status() == DnsStatus.ERROR) {
            walk.add(SpfProblem.DNS_ERROR, where, term, "TXT " + domain + ": " + answer.error());
            return Optional.empty();
        }
        if (answer.status().isVoid() && countVoid) {
            walk.voidLookups++;
        }
        List<String> spf = answer.records().stream().map(TxtRecord::joined).filter(SpfRecord::isSpf).toList();
        if (spf.isEmpty()) {
            walk.add(missing, where, term, "no v=spf1 record at " + domain + " (" + answer.status() + ")");
            return Optional.empty();
        }
        if (spf.size() > 1) {
            walk.add(SpfProblem.MULTIPLE_RECORDS, domain, term, spf.size() + " v=spf1 records; publish exactly one");
            return Optional.empty();
        }
        return Optional.of(spf.get(0));
    }

    private Optional<SpfRecord> parsed(Walk walk, String domain, String text) {
        try {
            return Optional.of(SpfParser.parse(text));
        } catch (SpfSyntaxException e) {
            walk.add(SpfProblem.SYNTAX, domain, e.term(), e.getMessage());
            return Optional.empty();
        }
    }

    private void queryAddress(Walk walk, String domain, Mechanism a) {
        target(walk, domain, a).ifPresent(name -> {
            DnsAnswer<InetAddress> v4 = dns.a(name);
            DnsAnswer<InetAddress> answer = v4.status().isVoid() ? dns.aaaa(name) : v4;
            countAnswer(walk, domain, a.text(), "A/AAAA " + name, answer);
        });
    }

    private void queryMx(Walk walk, String domain, Mechanism mx) {
        target(walk, domain, mx).ifPresent(name -> {
            DnsAnswer<MxRecord> answer = dns.mx(name);
            countAnswer(walk, domain, mx.text(), "MX " + name, answer);
            if (answer.records().size() > MAX_MX_RECORDS) {
                walk.add(SpfProblem.TOO_MANY_MX, domain, mx.text(),
                        name + " has " + answer.records().size() + " MX records, at most " + MAX_MX_RECORDS + " allowed");
            }
        });
    }

    private void queryExists(Walk walk, String domain, Mechanism exists) {
        target(walk, domain, exists).ifPresent(name ->
                countAnswer(walk, domain, exists.text(), "A " + name, dns.a(name)));
    }

    private Optional<String> target(Walk walk, String domain, Mechanism mechanism) {
        if (mechanism.hasMacro()) {
            walk.add(SpfProblem.MACRO_NOT_CHECKED, domain, mechanism.text(), "target depends on the sender");
            return Optional.empty();
        }
        return Optional.of(mechanism.domainSpec() == null ? domain : DomainNames.normalize(mechanism.domainSpec()));
    }

    private static void countAnswer(Walk walk, String domain, String term, String question, DnsAnswer<?> answer) {
        if (answer.status() == DnsStatus.ERROR) {
            walk.add(SpfProblem.DNS_ERROR, domain, term, question + ": " + answer.error());
        } else if (answer.status().isVoid()) {
            walk.voidLookups++;
        }
    }

    /**
     * Where in the tree a mechanism sits: at the top (or reached by redirect), its qualifier is the result; inside
     * an include only a PASS match makes the include match, giving the include's own result ({@code passResult},
     * null when no match there can count).
     */
    private record Scope(boolean topLevel, Qualifier passResult) {
        static final Scope TOP = new Scope(true, null);

        Qualifier result(Qualifier qualifier) {
            if (topLevel) {
                return qualifier;
            }
            return qualifier == Qualifier.PASS ? passResult : null;
        }

        Scope inside(Qualifier includeQualifier) {
            return new Scope(false, result(includeQualifier));
        }
    }

    /** What a check accumulates while walking the tree. */
    private static final class Walk {
        final String domain;
        final List<IncludedDomain> includes = new ArrayList<>();
        final List<SpfNetwork> networks = new ArrayList<>();
        final List<SpfFinding> findings = new ArrayList<>();
        int lookups;
        int voidLookups;
        boolean truncated;

        Walk(String domain) {
            this.domain = domain;
        }

        void add(SpfProblem problem, String where, String term, String detail) {
            findings.add(new SpfFinding(problem, where, term, detail));
        }

        SpfReport report(String record) {
            if (truncated) {
                add(SpfProblem.COUNT_TRUNCATED, domain, null, "stopped following after " + FOLLOW_LIMIT + " lookups");
            }
            return new SpfReport(domain, record, lookups, voidLookups, includes, networks, findings);
        }
    }
}

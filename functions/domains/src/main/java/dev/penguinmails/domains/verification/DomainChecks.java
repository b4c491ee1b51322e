package dev.penguinmails.domains.verification;

import dev.penguinmails.domains.catalog.Domain;
import dev.penguinmails.domains.catalog.DomainSettings;
import dev.penguinmails.domains.checks.Severity;
import dev.penguinmails.domains.dkim.DkimChecker;
import dev.penguinmails.domains.dkim.DkimKey;
import dev.penguinmails.domains.dkim.DkimProblem;
import dev.penguinmails.domains.dkim.DkimRecords;
import dev.penguinmails.domains.dkim.DkimReport;
import dev.penguinmails.domains.dmarc.DmarcChecker;
import dev.penguinmails.domains.dmarc.DmarcProblem;
import dev.penguinmails.domains.dmarc.DmarcRecommendation;
import dev.penguinmails.domains.dmarc.DmarcReport;
import dev.penguinmails.domains.dns.DnsAnswer;
import dev.penguinmails.domains.dns.DnsLookup;
import dev.penguinmails.domains.dns.DnsStatus;
import dev.penguinmails.domains.dns.MxRecord;
import dev.penguinmails.domains.dns.TxtRecord;
import dev.penguinmails.domains.records.RecordSet;
import dev.penguinmails.domains.spf.SpfChecker;
import dev.penguinmails.domains.spf.SpfProblem;
import dev.penguinmails.domains.spf.SpfReport;
import dev.penguinmails.domains.verification.RecordCheck.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The checks of one domain's records against DNS, each turned into a {@link RecordCheck}: SPF (one record, within
 * the lookup limits, authorising our include), each DKIM key (published and ours), DMARC (a valid policy applies),
 * the return-path MX and SPF, and the tracking CNAME. {@code primary} answers the full checks; each of
 * {@code all} is asked for the SPF and DKIM records to measure propagation.
 */
final class DomainChecks {
    private final DomainSettings settings;
    private final RecordSet records;

    DomainChecks(DomainSettings settings, RecordSet records) {
        this.settings = settings;
        this.records = records;
    }

    List<RecordCheck> run(Domain domain, DnsLookup primary, List<? extends DnsLookup> all) {
        List<RecordCheck> checks = new ArrayList<>();
        checks.add(spf(domain.name(), primary, all));
        for (DkimKey key : domain.dkimKeys()) {
            checks.add(dkim(domain.name(), key, primary, all));
        }
        checks.add(dmarc(domain.name(), primary));
        String returnPath = records.returnPathDomain(domain.name());
        checks.add(returnPathMx(returnPath, primary));
        checks.add(spfAt("return-path-spf", returnPath, primary, List.of()));
        checks.add(tracking(records.trackingDomain(domain.name()), primary));
        return checks;
    }

    private RecordCheck spf(String domain, DnsLookup dns, List<? extends DnsLookup> all) {
        return spfAt("spf", domain, dns, all);
    }

    private RecordCheck spfAt(String purpose, String name, DnsLookup dns, List<? extends DnsLookup> all) {
        SpfReport report = new SpfChecker(dns).check(name);
        String expected = "v=spf1 ... include:" + settings.spfInclude() + " ... ~all";
        List<String> findings = report.findings().stream()
                .map(f -> f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.detail()).toList();
        List<String> actual = report.record() == null ? List.of() : List.of(report.record());
        Status status;
        String fix;
        if (report.isUnknown()) {
            status = Status.UNKNOWN;
            fix = "DNS did not answer for " + name + "; we will check again.";
        } else if (report.has(SpfProblem.NO_RECORD)) {
            status = Status.MISSING;
            fix = "Publish a TXT record at " + name + ": v=spf1 include:" + settings.spfInclude() + " ~all";
        } else if (!report.isValid()) {
            status = Status.INVALID;
            fix = spfFix(report);
        } else if (!report.authorizes(settings.spfInclude())) {
            status = Status.MISMATCH;
            fix = "Add include:" + settings.spfInclude() + " to your SPF record at " + name
                    + ", before its all term; keep one SPF record only.";
        } else {
            status = Status.OK;
            fix = null;
        }
        Integer seen = seenBy(all, d -> d.txt(name), txt -> txt.joined().toLowerCase(Locale.ROOT).startsWith("v=spf1"));
        return new RecordCheck(purpose, name, "TXT", true, status.wireName(), expected, actual, findings, fix,
                seen, seen == null ? null : all.size());
    }

    private static String spfFix(SpfReport report) {
        if (report.has(SpfProblem.MULTIPLE_RECORDS)) {
            return "Merge your SPF records into one: receivers treat two as an error and fail every message.";
        }
        if (report.has(SpfProblem.TOO_MANY_LOOKUPS)) {
            return "Your SPF record needs " + report.lookups() + " DNS lookups; the limit is 10. Remove includes of "
                    + "services you no longer use, or replace them with ip4:/ip6: ranges.";
        }
        if (report.has(SpfProblem.TOO_MANY_VOID_LOOKUPS)) {
            return "Your SPF record points at " + report.voidLookups() + " names that do not exist (the limit is 2); "
                    + "remove those includes.";
        }
        if (report.has(SpfProblem.ALL_PASSES_EVERYONE)) {
            return "Your SPF record ends in +all, which lets anyone send as you; use ~all.";
        }
        if (report.has(SpfProblem.LOOP)) {
            return "Your SPF includes lead back to themselves; remove the include that loops.";
        }
        return "Your SPF record is broken: " + report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).map(f -> f.detail()).findFirst().orElse("see findings");
    }

    private RecordCheck dkim(String domain, DkimKey key, DnsLookup dns, List<? extends DnsLookup> all) {
        String name = DkimRecords.name(key.selector(), domain);
        DkimReport report = new DkimChecker(dns).check(key.selector(), domain, RecordSet.publicKey(key));
        String expected = DkimRecords.value(RecordSet.publicKey(key));
        List<String> findings = report.findings().stream()
                .map(f -> f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.detail()).toList();
        Status status;
        String fix;
        if (report.has(DkimProblem.DNS_ERROR)) {
            status = Status.UNKNOWN;
            fix = "DNS did not answer for " + name + "; we will check again.";
        } else if (report.has(DkimProblem.NO_RECORD)) {
            status = Status.MISSING;
            fix = "Publish the TXT record " + name + " exactly as shown in the records; long values go in several quoted strings.";
        } else if (report.has(DkimProblem.KEY_MISMATCH)) {
            status = Status.MISMATCH;
            fix = "The record at " + name + " holds another key; replace it with ours.";
        } else if (!report.isValid()) {
            status = Status.INVALID;
            fix = "The record at " + name + " is not usable (" + String.join("; ", findings) + "); publish ours as shown.";
        } else {
            status = Status.OK;
            fix = null;
        }
        Integer seen = seenBy(all, d -> d.txt(name), txt -> txt.joined().contains("p="));
        // Only the signing key decides whether the domain may send; a NEXT or RETIRING one is reported.
        return new RecordCheck("dkim", name, "TXT", key.state() == DkimKey.State.ACTIVE, status.wireName(), expected,
                report.text() == null ? List.of() : List.of(report.text()), findings, fix,
                seen, seen == null ? null : all.size());
    }

    private RecordCheck dmarc(String domain, DnsLookup dns) {
        DmarcReport report = new DmarcChecker(dns).check(domain);
        String name = DmarcChecker.recordName(domain);
        List<String> findings = report.findings().stream()
                .map(f -> f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.detail()).toList();
        boolean unknown = report.findings().stream().anyMatch(f -> f.severity() == Severity.UNKNOWN);
        Status status;
        String fix;
        if (unknown) {
            status = Status.UNKNOWN;
            fix = "DNS did not answer for " + name + "; we will check again.";
        } else if (report.has(DmarcProblem.NO_RECORD)) {
            status = Status.MISSING;
            fix = "Publish a TXT record at " + name + ": " + DmarcRecommendation.startingRecord(settings.dmarcReports());
        } else if (!report.isValid()) {
            status = Status.INVALID;
            fix = "Fix the DMARC record at " + report.recordName() + ": " + findings.get(0);
        } else {
            status = Status.OK;
            fix = report.has(DmarcProblem.MONITORING_ONLY) ? "p=none only monitors; move to quarantine once reports are clean." : null;
        }
        return new RecordCheck("dmarc", name, "TXT", true, status.wireName(),
                DmarcRecommendation.startingRecord(settings.dmarcReports()),
                report.text() == null ? List.of() : List.of(report.text()), findings, fix, null, null);
    }

    private RecordCheck returnPathMx(String name, DnsLookup dns) {
        DnsAnswer<MxRecord> answer = dns.mx(name);
        List<String> actual = answer.records().stream().map(mx -> mx.preference() + " " + mx.exchange()).toList();
        boolean ours = answer.records().stream().anyMatch(mx -> sameHost(mx.exchange(), settings.returnPathHost()));
        Status status = status(answer.status(), ours);
        return new RecordCheck("return-path-mx", name, "MX", true, status.wireName(), "10 " + settings.returnPathHost(), actual,
                List.of(), fix(status, name, "Publish an MX record at " + name + " pointing at "
                        + settings.returnPathHost() + " (priority 10)."), null, null);
    }

    private RecordCheck tracking(String name, DnsLookup dns) {
        DnsAnswer<String> answer = dns.cname(name);
        boolean ours = answer.records().stream().anyMatch(target -> sameHost(target, settings.trackingHost()));
        Status status = status(answer.status(), ours);
        return new RecordCheck("tracking", name, "CNAME", false, status.wireName(), settings.trackingHost(), answer.records(),
                List.of(), fix(status, name, "Publish a CNAME at " + name + " pointing at "
                        + settings.trackingHost() + " to track with your own domain."), null, null);
    }

    private static String fix(Status status, String name, String publish) {
        return switch (status) {
            case OK -> null;
            case UNKNOWN -> "DNS did not answer for " + name + "; we will check again.";
            default -> publish;
        };
    }

    private static Status status(DnsStatus answered, boolean ours) {
        return switch (answered) {
            case ERROR -> Status.UNKNOWN;
            case NODATA, NXDOMAIN -> Status.MISSING;
            case FOUND -> ours ? Status.OK : Status.MISMATCH;
        };
    }

    /** How many of {@code all} see the record; null with a single resolver, where the primary check says it all. */
    private static Integer seenBy(List<? extends DnsLookup> all, Function<DnsLookup, DnsAnswer<TxtRecord>> ask,
                                  java.util.function.Predicate<TxtRecord> counts) {
        if (all.size() < 2) {
            return null;
        }
        return (int) all.stream().filter(d -> ask.apply(d).records().stream().anyMatch(counts)).count();
    }

    private static boolean sameHost(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}

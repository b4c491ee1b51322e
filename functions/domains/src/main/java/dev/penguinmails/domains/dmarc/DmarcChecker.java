package dev.penguinmails.domains.dmarc;

import com.google.common.net.InternetDomainName;
import dev.penguinmails.domains.dns.DnsAnswer;
import dev.penguinmails.domains.dns.DnsLookup;
import dev.penguinmails.domains.dns.DnsStatus;
import dev.penguinmails.domains.dns.DomainNames;
import dev.penguinmails.domains.dns.TxtRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds and checks the DMARC record that applies to a domain: {@code _dmarc.<domain>}, else that of its
 * organizational domain (RFC 7489 §6.6.3, organizational domain by the Public Suffix List).
 */
public final class DmarcChecker {
    private final DnsLookup dns;

    public DmarcChecker(DnsLookup dns) {
        this.dns = Objects.requireNonNull(dns, "dns");
    }

    /** The name a domain's DMARC record is published at. */
    public static String recordName(String domain) {
        return "_dmarc." + DomainNames.normalize(domain);
    }

    /** Checks the DMARC record applying to {@code domain}. */
    public DmarcReport check(String domain) {
        String name = DomainNames.normalize(domain);
        Lookup own = lookup(recordName(name));
        Optional<String> organizational = organizationalDomain(name).filter(org -> !org.equals(name));
        if (own.texts.isEmpty() && own.error == null && organizational.isPresent()) {
            Lookup inherited = lookup(recordName(organizational.get()));
            if (inherited.texts.size() == 1) {
                DmarcReport report = report(name, recordName(organizational.get()), inherited);
                List<DmarcFinding> findings = new ArrayList<>(report.findings());
                findings.add(new DmarcFinding(DmarcProblem.INHERITED, null,
                        "no record at " + recordName(name) + "; the sp policy of " + organizational.get() + " applies"));
                return new DmarcReport(name, report.recordName(), report.text(), report.record(), findings);
            }
        }
        return report(name, recordName(name), own);
    }

    private DmarcReport report(String domain, String recordName, Lookup found) {
        if (found.error != null) {
            return new DmarcReport(domain, recordName, null, null,
                    List.of(new DmarcFinding(DmarcProblem.DNS_ERROR, null, "TXT " + recordName + ": " + found.error)));
        }
        if (found.texts.isEmpty()) {
            return new DmarcReport(domain, recordName, null, null,
                    List.of(new DmarcFinding(DmarcProblem.NO_RECORD, null, "no v=DMARC1 record at " + recordName)));
        }
        if (found.texts.size() > 1) {
            return new DmarcReport(domain, recordName, null, null, List.of(new DmarcFinding(
                    DmarcProblem.MULTIPLE_RECORDS, null, found.texts.size() + " DMARC records at " + recordName)));
        }
        DmarcParser.Result parsed = DmarcParser.parse(found.texts.get(0));
        return new DmarcReport(domain, recordName, found.texts.get(0), parsed.record(), parsed.findings());
    }

    private Lookup lookup(String name) {
        DnsAnswer<TxtRecord> answer = dns.txt(name);
        if (answer.status() == DnsStatus.ERROR) {
            return new Lookup(List.of(), answer.error());
        }
        return new Lookup(answer.records().stream().map(TxtRecord::joined).filter(DmarcParser::isDmarc).toList(), null);
    }

    /** The registrable domain by the Public Suffix List, or empty when the name is not under a public suffix. */
    private static Optional<String> organizationalDomain(String domain) {
        try {
            InternetDomainName name = InternetDomainName.from(domain);
            return name.isUnderPublicSuffix() ? Optional.of(name.topPrivateDomain().toString()) : Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private record Lookup(List<String> texts, String error) {
    }
}

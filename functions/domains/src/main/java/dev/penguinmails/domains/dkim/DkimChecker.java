package dev.penguinmails.domains.dkim;

import dev.penguinmails.domains.dns.DnsAnswer;
import dev.penguinmails.domains.dns.DnsLookup;
import dev.penguinmails.domains.dns.DnsStatus;
import dev.penguinmails.domains.dns.TxtRecord;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;

/** Looks up a domain's DKIM key record for one selector and checks that it publishes our key. */
public final class DkimChecker {
    private final DnsLookup dns;

    public DkimChecker(DnsLookup dns) {
        this.dns = Objects.requireNonNull(dns, "dns");
    }

    /** Checks {@code <selector>._domainkey.<domain>} against {@code ours}. */
    public DkimReport check(String selector, String domain, RSAPublicKey ours) {
        String name = DkimRecords.name(selector, domain);
        DnsAnswer<TxtRecord> answer = dns.txt(name);
        if (answer.status() == DnsStatus.ERROR) {
            return missing(name, DkimProblem.DNS_ERROR, "TXT " + name + ": " + answer.error());
        }
        // A CNAME to an ESP's key is common; the resolver follows it, so its TXT records arrive here too.
        List<String> texts = answer.records().stream().map(TxtRecord::joined)
                .filter(t -> t.contains("p=")).toList();
        if (texts.isEmpty()) {
            return missing(name, DkimProblem.NO_RECORD, "no key record at " + name + " (" + answer.status() + ")");
        }
        if (texts.size() > 1) {
            return missing(name, DkimProblem.MULTIPLE_RECORDS, texts.size() + " key records at " + name);
        }
        return DkimKeyRecord.compare(name, texts.get(0), ours);
    }

    private static DkimReport missing(String name, DkimProblem problem, String detail) {
        return new DkimReport(name, null, false, List.of(new DkimFinding(problem, detail)));
    }
}

package dev.penguinmails.domains.spf;

import dev.penguinmails.domains.checks.Severity;
import dev.penguinmails.domains.dns.DomainNames;
import java.net.InetAddress;
import java.util.List;

/**
 * The SPF check of one domain: its record (null when none or several), the DNS lookups and void lookups its
 * whole tree costs, what it includes and lists, and the problems found.
 */
public record SpfReport(String domain, String record, int lookups, int voidLookups, List<IncludedDomain> includes,
                        List<SpfNetwork> networks, List<SpfFinding> findings) {
    public static final int MAX_LOOKUPS = 10;
    public static final int MAX_VOID_LOOKUPS = 2;

    public SpfReport {
        includes = List.copyOf(includes);
        networks = List.copyOf(networks);
        findings = List.copyOf(findings);
    }

    /** True when the domain has exactly one SPF record and nothing of severity ERROR or UNKNOWN was found. */
    public boolean isValid() {
        return record != null && findings.stream()
                .noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.UNKNOWN);
    }

    /** True when a query failed, so the check could not decide. */
    public boolean isUnknown() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.UNKNOWN);
    }

    /** True when {@code problem} was found. */
    public boolean has(SpfProblem problem) {
        return findings.stream().anyMatch(f -> f.problem() == problem);
    }

    /** True when hosts that pass {@code domain}'s SPF record pass the checked domain's, directly or via nesting. */
    public boolean authorizes(String domain) {
        String wanted = DomainNames.normalize(domain);
        return includes.stream().anyMatch(i -> i.domain().equals(wanted) && i.result() == Qualifier.PASS);
    }

    /**
     * True when {@code address} passes through an ip4/ip6 network of the tree: the first listed network holding it
     * gives PASS. Hosts matched only by {@code a}, {@code mx} or {@code exists} are not considered.
     */
    public boolean authorizes(InetAddress address) {
        return networks.stream().filter(n -> n.network().contains(address) && n.result() != null).findFirst()
                .map(n -> n.result() == Qualifier.PASS).orElse(false);
    }
}

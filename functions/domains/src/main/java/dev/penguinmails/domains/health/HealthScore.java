package dev.penguinmails.domains.health;

import dev.penguinmails.domains.blacklists.BlacklistReport;
import dev.penguinmails.domains.blacklists.Listing;
import dev.penguinmails.domains.health.HealthFactor.Status;
import dev.penguinmails.domains.verification.RecordCheck;
import dev.penguinmails.domains.verification.VerificationSummary;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A domain's health, 0 to 100, with a grade and the factors that make it, each saying what it took off and why.
 * DNS records are worth 60 points (SPF 15, DKIM 20, DMARC 10, return path 5 + 5, tracking 5) and blacklists 40
 * (a listed domain 25, a listed sending address 15, at most 40 in all). What could not be told (DNS or a list did
 * not answer) takes nothing off and says so. Bounce and complaint rates are reported as not measured yet.
 */
public record HealthScore(int score, String grade, String summary, List<HealthFactor> factors) {
    static final int DNS_POINTS = 60;
    static final int BLACKLIST_POINTS = 40;
    static final int LISTED_DOMAIN = 25;
    static final int LISTED_ADDRESS = 15;
    /** The DNS factors: the check's purpose and the points it is worth. */
    private static final List<Weight> DNS = List.of(new Weight("spf", 15), new Weight("dkim", 20),
            new Weight("dmarc", 10), new Weight("return-path-mx", 5), new Weight("return-path-spf", 5),
            new Weight("tracking", 5));

    public HealthScore {
        factors = List.copyOf(factors);
    }

    /** The score of the last verification and blacklist check; either may be missing (never run). */
    public static HealthScore of(@Nullable VerificationSummary dns, @Nullable BlacklistReport blacklists) {
        List<HealthFactor> factors = new ArrayList<>(dnsFactors(dns));
        factors.addAll(blacklistFactors(blacklists));
        factors.add(HealthFactor.of("bounce-rate", Status.NOT_MEASURED, 0, 0,
                "Not measured yet: bounce rates will come from sending events.", null));
        factors.add(HealthFactor.of("complaint-rate", Status.NOT_MEASURED, 0, 0,
                "Not measured yet: complaint rates will come from feedback events.", null));
        int score = Math.max(0, 100 - factors.stream().mapToInt(HealthFactor::pointsLost).sum());
        return new HealthScore(score, grade(score), summary(score, factors), factors);
    }

    /** A 90 and up, B 75, C 60, D 40, F below. */
    static String grade(int score) {
        return score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : score >= 40 ? "D" : "F";
    }

    private static List<HealthFactor> dnsFactors(@Nullable VerificationSummary dns) {
        if (dns == null) {
            return List.of(HealthFactor.of("dns", Status.PROBLEM, DNS_POINTS, DNS_POINTS,
                    "The domain's DNS records have not been verified yet, so it cannot send.",
                    "Publish the records from GET .../records, then POST .../verify."));
        }
        List<HealthFactor> factors = new ArrayList<>();
        for (Weight w : DNS) {
            // Only the signing DKIM key counts; a rotation's next or retiring key is not the domain's health.
            List<VerificationSummary.Check> checks = dns.checks().stream()
                    .filter(c -> c.purpose().equals(w.purpose()) && (c.required() || !w.purpose().equals("dkim"))).toList();
            List<VerificationSummary.Check> failing = checks.stream()
                    .filter(c -> c.state() != RecordCheck.Status.OK && c.state() != RecordCheck.Status.UNKNOWN).toList();
            if (checks.isEmpty()) {
                factors.add(HealthFactor.of(w.purpose(), Status.UNKNOWN, 0, w.points(),
                        "Not checked by the last verification.", "POST .../verify checks it."));
            } else if (!failing.isEmpty()) {
                VerificationSummary.Check c = failing.get(0);
                factors.add(HealthFactor.of(w.purpose(), Status.PROBLEM, w.points(), w.points(),
                        c.name() + " is " + c.status() + (c.required() ? "." : " (not required, but it helps)."), c.fix()));
            } else if (checks.stream().anyMatch(c -> c.state() == RecordCheck.Status.UNKNOWN)) {
                factors.add(HealthFactor.of(w.purpose(), Status.UNKNOWN, 0, w.points(),
                        "DNS did not answer for " + checks.get(0).name() + " at the last verification.",
                        "Nothing to do; it is checked again."));
            } else {
                VerificationSummary.Check c = checks.get(0);
                factors.add(HealthFactor.of(w.purpose(), Status.OK, 0, w.points(), c.name() + " is as it should be.", c.fix()));
            }
        }
        return factors;
    }

    private static List<HealthFactor> blacklistFactors(@Nullable BlacklistReport report) {
        if (report == null) {
            return List.of(HealthFactor.of("blacklists", Status.UNKNOWN, 0, BLACKLIST_POINTS,
                    "Not checked yet.", "POST .../blacklists/check checks now; verifications check them too."));
        }
        List<HealthFactor> factors = new ArrayList<>();
        int left = BLACKLIST_POINTS;
        for (Listing l : report.in(Listing.Status.LISTED)) {
            int worth = l.kind().equals("domain") ? LISTED_DOMAIN : LISTED_ADDRESS;
            int lost = Math.min(worth, left);
            left -= lost;
            factors.add(HealthFactor.of("blacklist", Status.PROBLEM, lost, worth,
                    l.queried() + " is listed on " + l.zone() + " (" + String.join(", ", l.returnCodes()) + ")"
                            + (l.reason() == null ? "." : ": " + l.reason()), l.hint()));
        }
        List<Listing> unknown = report.in(Listing.Status.UNKNOWN);
        int asked = report.listings().size();
        if (!unknown.isEmpty()) {
            String zones = unknown.stream().map(Listing::zone).distinct().collect(Collectors.joining(", "));
            factors.add(HealthFactor.of("blacklists", Status.UNKNOWN, 0, 0, unknown.size() + " of " + asked
                    + " questions got no usable answer (" + zones + "): not known whether listed there.", unknown.get(0).hint()));
        } else if (factors.isEmpty()) {
            factors.add(HealthFactor.of("blacklists", Status.OK, 0, BLACKLIST_POINTS,
                    asked == 0 ? "No blacklists are configured." : "Not listed: " + asked + " questions to "
                            + report.listings().stream().map(Listing::zone).distinct().count() + " lists, all clean.", null));
        }
        if (!report.notChecked().isEmpty()) {
            factors.add(HealthFactor.of("blacklists-not-checked", Status.UNKNOWN, 0, 0,
                    "Not checked: " + String.join("; ", report.notChecked()) + ".",
                    "Check the addresses of those ranges with the lists yourself, or name single hosts in SPF."));
        }
        return factors;
    }

    /** One line: the score and what cost the most, e.g. {@code 70/100 (C): spf: acme.com is missing. ...}. */
    private static String summary(int score, List<HealthFactor> factors) {
        List<HealthFactor> costly = factors.stream().filter(f -> f.pointsLost() > 0)
                .sorted(Comparator.comparingInt(HealthFactor::pointsLost).reversed()).limit(3).toList();
        String head = score + "/100 (" + grade(score) + ")";
        return costly.isEmpty() ? head + ": nothing takes points off."
                : head + ": " + costly.stream().map(f -> f.factor() + ": " + f.reason()).collect(Collectors.joining(" "));
    }

    private record Weight(String purpose, int points) { }
}

package dev.penguinmails.domains.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.domains.blacklists.BlacklistReport;
import dev.penguinmails.domains.blacklists.Listing;
import dev.penguinmails.domains.verification.VerificationSummary;
import dev.penguinmails.domains.verification.VerificationSummary.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The score, factor by factor: what each costs, and that what could not be told costs nothing but is said. */
class HealthScoreTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aDomainWithEveryRecordAndNoListingScoresAHundred() {
        HealthScore score = HealthScore.of(dns(Map.of()), report(clean("zen.spamhaus.org", "192.0.2.1")));

        assertThat(score.score()).isEqualTo(100);
        assertThat(score.grade()).isEqualTo("A");
        assertThat(score.summary()).isEqualTo("100/100 (A): nothing takes points off.");
        assertThat(score.factors()).extracting(HealthFactor::factor).containsExactly("spf", "dkim", "dmarc",
                "return-path-mx", "return-path-spf", "tracking", "blacklists", "bounce-rate", "complaint-rate");
        assertThat(factor(score, "blacklists").status()).isEqualTo("ok");
    }

    @Test
    void eachDnsRecordCostsItsOwnPoints() {
        Map<String, Integer> worth = Map.of("spf", 15, "dkim", 20, "dmarc", 10, "return-path-mx", 5,
                "return-path-spf", 5, "tracking", 5);
        worth.forEach((purpose, points) -> {
            HealthScore score = HealthScore.of(dns(Map.of(purpose, "missing")), report());
            HealthFactor f = factor(score, purpose);
            assertThat(f.status()).as(purpose).isEqualTo("problem");
            assertThat(f.pointsLost()).as(purpose).isEqualTo(points);
            assertThat(f.hint()).as(purpose).isEqualTo("fix " + purpose);
            assertThat(score.score()).as(purpose).isEqualTo(100 - points);
        });
        assertThat(worth.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(HealthScore.DNS_POINTS);
    }

    @Test
    void dnsThatDidNotAnswerCostsNothingButIsReportedUnknown() {
        HealthScore score = HealthScore.of(dns(Map.of("dkim", "unknown")), report());

        assertThat(score.score()).isEqualTo(100);
        assertThat(factor(score, "dkim").status()).isEqualTo("unknown");
        assertThat(factor(score, "dkim").reason()).contains("DNS did not answer");
    }

    @Test
    void aRotationsNextKeyIsNotTheDomainsHealth() {
        List<Check> checks = new ArrayList<>(dns(Map.of()).checks());
        checks.add(new Check("dkim", "pm2._domainkey.acme.com", false, "missing", "publish pm2"));

        HealthScore score = HealthScore.of(new VerificationSummary(NOW, "passed", checks), report());

        assertThat(factor(score, "dkim").status()).isEqualTo("ok");
        assertThat(score.score()).isEqualTo(100);
    }

    @Test
    void aDomainNeverVerifiedLosesEveryDnsPoint() {
        HealthScore score = HealthScore.of(null, report());

        assertThat(factor(score, "dns").pointsLost()).isEqualTo(60);
        assertThat(factor(score, "dns").hint()).contains("POST .../verify");
        assertThat(score.score()).isEqualTo(40);
        assertThat(score.grade()).isEqualTo("D");
    }

    @Test
    void listingsCostFifteenPerAddressAndTwentyFivePerDomainUpToForty() {
        HealthScore address = HealthScore.of(dns(Map.of()), report(listed("ip", "zen.spamhaus.org", "192.0.2.1")));
        assertThat(address.score()).isEqualTo(85);
        assertThat(address.grade()).isEqualTo("B");
        assertThat(factor(address, "blacklist").reason()).isEqualTo("192.0.2.1 is listed on zen.spamhaus.org (127.0.0.2): why");
        assertThat(factor(address, "blacklist").hint()).isEqualTo("delist");

        HealthScore domain = HealthScore.of(dns(Map.of()), report(listed("domain", "dbl.spamhaus.org", "acme.com")));
        assertThat(domain.score()).isEqualTo(75);

        HealthScore many = HealthScore.of(dns(Map.of()), report(listed("domain", "dbl.spamhaus.org", "acme.com"),
                listed("ip", "zen.spamhaus.org", "192.0.2.1"), listed("ip", "bl.spamcop.net", "192.0.2.1")));
        assertThat(many.score()).isEqualTo(60);
        assertThat(many.factors().stream().filter(f -> f.factor().equals("blacklist")).mapToInt(HealthFactor::pointsLost))
                .containsExactly(25, 15, 0);
        assertThat(many.summary()).startsWith("60/100 (C): blacklist: acme.com is listed on dbl.spamhaus.org");
    }

    @Test
    void aListThatDidNotAnswerIsUnknownNeverCleanAndCostsNothing() {
        Listing refused = new Listing("zen.spamhaus.org", "ip", "192.0.2.1", "platform", "unknown",
                List.of("127.255.255.254"), null, "refused", "use your own resolver");

        HealthScore score = HealthScore.of(dns(Map.of()), report(refused, clean("bl.spamcop.net", "192.0.2.1")));

        assertThat(score.score()).isEqualTo(100);
        HealthFactor f = factor(score, "blacklists");
        assertThat(f.status()).isEqualTo("unknown");
        assertThat(f.reason()).isEqualTo("1 of 2 questions got no usable answer (zen.spamhaus.org): not known whether listed there.");
        assertThat(f.hint()).isEqualTo("use your own resolver");
    }

    @Test
    void blacklistsNeverCheckedAndRangesNotWalkedAreSaid() {
        HealthScore never = HealthScore.of(dns(Map.of()), null);
        assertThat(factor(never, "blacklists").status()).isEqualTo("unknown");
        assertThat(factor(never, "blacklists").reason()).isEqualTo("Not checked yet.");

        BlacklistReport ranges = new BlacklistReport(NOW, List.of(clean("bl.spamcop.net", "192.0.2.1")),
                List.of("ip4:198.51.100.0/24 in the SPF record"), 1);
        assertThat(factor(HealthScore.of(dns(Map.of()), ranges), "blacklists-not-checked").reason())
                .contains("ip4:198.51.100.0/24");
    }

    @Test
    void bounceAndComplaintRatesAreNotMeasuredYetAndSaySo() {
        HealthScore score = HealthScore.of(dns(Map.of()), report());

        for (String rate : List.of("bounce-rate", "complaint-rate")) {
            assertThat(factor(score, rate).status()).isEqualTo("not-measured");
            assertThat(factor(score, rate).pointsLost()).isZero();
            assertThat(factor(score, rate).reason()).startsWith("Not measured yet");
        }
    }

    @Test
    void gradesHaveTheirBounds() {
        assertThat(List.of(100, 90, 89, 75, 74, 60, 59, 40, 39, 0).stream().map(HealthScore::grade))
                .containsExactly("A", "A", "B", "B", "C", "C", "D", "D", "F", "F");
    }

    /** Every record ok, except those named with another status (each with the fix "fix <purpose>"). */
    private static VerificationSummary dns(Map<String, String> statuses) {
        List<Check> checks = new ArrayList<>();
        for (String purpose : List.of("spf", "dkim", "dmarc", "return-path-mx", "return-path-spf", "tracking")) {
            String status = statuses.getOrDefault(purpose, "ok");
            checks.add(new Check(purpose, purpose + ".acme.com", !purpose.equals("tracking"), status,
                    status.equals("ok") ? null : "fix " + purpose));
        }
        return new VerificationSummary(NOW, "passed", checks);
    }

    private static BlacklistReport report(Listing... listings) {
        return new BlacklistReport(NOW, List.of(listings), List.of(), listings.length);
    }

    private static Listing clean(String zone, String ip) {
        return new Listing(zone, "ip", ip, "platform", "clean", List.of(), null, null, null);
    }

    private static Listing listed(String kind, String zone, String queried) {
        return new Listing(zone, kind, queried, kind.equals("ip") ? "spf" : null, "listed", List.of("127.0.0.2"),
                "why", null, "delist");
    }

    private static HealthFactor factor(HealthScore score, String name) {
        return score.factors().stream().filter(f -> f.factor().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + score.factors()));
    }
}

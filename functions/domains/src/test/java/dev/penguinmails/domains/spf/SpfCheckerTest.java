package dev.penguinmails.domains.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import dev.penguinmails.domains.dns.InMemoryDns;
import org.junit.jupiter.api.Test;

class SpfCheckerTest {
    private static final String OURS = "_spf.penguinmails.example";
    private final InMemoryDns dns = new InMemoryDns()
            .txt(OURS, "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:50::/48 -all");

    private SpfReport check(String domain) {
        return new SpfChecker(dns).check(domain);
    }

    @Test
    void correctSetupIsValidAndAuthorizesOurInclude() {
        dns.txt("shop.example", "v=spf1 mx include:" + OURS + " -all").mx("shop.example", 10, "mail.shop.example");

        SpfReport report = check("shop.example");

        assertThat(report.isValid()).isTrue();
        assertThat(report.findings()).isEmpty();
        assertThat(report.record()).isEqualTo("v=spf1 mx include:" + OURS + " -all");
        assertThat(report.lookups()).isEqualTo(2);
        assertThat(report.voidLookups()).isZero();
        assertThat(report.authorizes(OURS)).isTrue();
        assertThat(report.authorizes(InetAddresses.forString("198.51.100.7"))).isTrue();
    }

    @Test
    void recordSplitIntoSeveralStringsIsReadJoined() {
        dns.txt("split.example", "v=spf1 include:" + OURS, " -all");

        SpfReport report = check("split.example");

        assertThat(report.record()).isEqualTo("v=spf1 include:" + OURS + " -all");
        assertThat(report.authorizes(OURS)).isTrue();
    }

    @Test
    void missingRecordIsReportedAndOtherTxtRecordsAreIgnored() {
        dns.txt("nospf.example", "google-site-verification=abc");

        SpfReport report = check("nospf.example");

        assertThat(report.record()).isNull();
        assertThat(report.isValid()).isFalse();
        assertThat(report.findings()).extracting(SpfFinding::problem).containsExactly(SpfProblem.NO_RECORD);
    }

    @Test
    void twoSpfRecordsAreAPermerror() {
        dns.txt("twice.example", "v=spf1 -all").txt("twice.example", "v=spf1 include:" + OURS + " ~all");

        SpfReport report = check("twice.example");

        assertThat(report.record()).isNull();
        assertThat(report.has(SpfProblem.MULTIPLE_RECORDS)).isTrue();
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void elevenLookupsThroughNestedIncludesExceedTheLimit() {
        // top includes level1, which includes level2 ... each record costs one include: 11 in all.
        dns.txt("deep.example", "v=spf1 include:l1.example -all");
        for (int level = 1; level <= 9; level++) {
            dns.txt("l" + level + ".example", "v=spf1 include:l" + (level + 1) + ".example ip4:192.0.2." + level + " ~all");
        }
        dns.txt("l10.example", "v=spf1 include:" + OURS + " ~all");
        dns.txt("l10.example", "ignored non-spf text");

        SpfReport report = check("deep.example");

        assertThat(report.lookups()).isEqualTo(SpfReport.MAX_LOOKUPS + 1);
        assertThat(report.has(SpfProblem.TOO_MANY_LOOKUPS)).isTrue();
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void tenLookupsAreStillAllowed() {
        dns.txt("ten.example", "v=spf1 a mx ptr exists:e.ten.example include:" + OURS
                + " a:x.ten.example mx:x.ten.example a mx include:" + OURS + " -all")
                .address("ten.example", "192.0.2.1").mx("ten.example", 10, "mx.ten.example")
                .address("x.ten.example", "192.0.2.2").mx("x.ten.example", 10, "mx.ten.example")
                .address("e.ten.example", "127.0.0.2");

        SpfReport report = check("ten.example");

        assertThat(report.lookups()).isEqualTo(SpfReport.MAX_LOOKUPS);
        assertThat(report.has(SpfProblem.TOO_MANY_LOOKUPS)).isFalse();
        assertThat(report.has(SpfProblem.PTR_DEPRECATED)).isTrue();
    }

    @Test
    void threeIncludesOfMissingDomainsAreTooManyVoidLookups() {
        dns.txt("void.example", "v=spf1 include:gone1.example include:gone2.example include:gone3.example -all");

        SpfReport report = check("void.example");

        assertThat(report.voidLookups()).isEqualTo(3);
        assertThat(report.has(SpfProblem.TOO_MANY_VOID_LOOKUPS)).isTrue();
        assertThat(report.findings()).filteredOn(f -> f.problem() == SpfProblem.INCLUDE_WITHOUT_RECORD).hasSize(3);
    }

    @Test
    void twoVoidLookupsAreTolerated() {
        dns.txt("twovoid.example", "v=spf1 a:gone1.example a:gone2.example -all");

        SpfReport report = check("twovoid.example");

        assertThat(report.voidLookups()).isEqualTo(2);
        assertThat(report.has(SpfProblem.TOO_MANY_VOID_LOOKUPS)).isFalse();
    }

    @Test
    void includeLoopIsDetectedAndEnds() {
        dns.txt("a.example", "v=spf1 include:b.example -all").txt("b.example", "v=spf1 include:a.example -all");

        SpfReport report = check("a.example");

        assertThat(report.has(SpfProblem.LOOP)).isTrue();
        assertThat(report.findings()).filteredOn(f -> f.problem() == SpfProblem.LOOP).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("a.example -> b.example"));
        assertThat(dns.asked()).containsExactly("TXT a.example", "TXT b.example");
    }

    @Test
    void redirectCostsALookupAndItsRecordIsFollowed() {
        dns.txt("redir.example", "v=spf1 ip4:192.0.2.1 redirect=" + OURS);

        SpfReport report = check("redir.example");

        assertThat(report.lookups()).isEqualTo(1);
        assertThat(report.includes()).singleElement().satisfies(i -> assertThat(i.redirect()).isTrue());
        assertThat(report.authorizes(OURS)).isTrue();
        assertThat(report.has(SpfProblem.NO_ALL)).isFalse();
    }

    @Test
    void redirectIsIgnoredWhenAllIsPresent() {
        dns.txt("both.example", "v=spf1 -all redirect=" + OURS);

        SpfReport report = check("both.example");

        assertThat(report.lookups()).isZero();
        assertThat(report.authorizes(OURS)).isFalse();
    }

    @Test
    void plusAllIsFlaggedAsDangerous() {
        dns.txt("open.example", "v=spf1 include:" + OURS + " +all");

        SpfReport report = check("open.example");

        assertThat(report.has(SpfProblem.ALL_PASSES_EVERYONE)).isTrue();
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void bareAllInsideAnIncludeAlsoPassesEveryone() {
        dns.txt("lazy.example", "v=spf1 include:open-vendor.example -all").txt("open-vendor.example", "v=spf1 all");

        assertThat(check("lazy.example").has(SpfProblem.ALL_PASSES_EVERYONE)).isTrue();
    }

    @Test
    void neutralAllIsWeakAndMissingAllIsReported() {
        dns.txt("weak.example", "v=spf1 include:" + OURS + " ?all").txt("noall.example", "v=spf1 include:" + OURS);

        assertThat(check("weak.example").findings()).extracting(SpfFinding::problem).containsExactly(SpfProblem.ALL_NEUTRAL);
        assertThat(check("noall.example").findings()).extracting(SpfFinding::problem).containsExactly(SpfProblem.NO_ALL);
    }

    @Test
    void ourIncludeIsFoundThroughNesting() {
        dns.txt("nested.example", "v=spf1 include:_spf.esp.example -all")
                .txt("_spf.esp.example", "v=spf1 include:_netblocks.esp.example include:" + OURS + " ~all")
                .txt("_netblocks.esp.example", "v=spf1 ip4:203.0.113.0/24 ~all");

        SpfReport report = check("nested.example");

        assertThat(report.authorizes(OURS)).isTrue();
        assertThat(report.includes()).filteredOn(i -> i.domain().equals(OURS)).singleElement()
                .satisfies(i -> assertThat(i.depth()).isEqualTo(2));
        assertThat(report.lookups()).isEqualTo(3);
    }

    @Test
    void includeWithFailQualifierDoesNotAuthorize() {
        dns.txt("deny.example", "v=spf1 -include:" + OURS + " ~all");

        SpfReport report = check("deny.example");

        assertThat(report.authorizes(OURS)).isFalse();
        assertThat(report.authorizes(InetAddresses.forString("198.51.100.7"))).isFalse();
    }

    @Test
    void addressesAreCoveredByIp4AndIp6Networks() {
        dns.txt("cidr.example", "v=spf1 -ip4:192.0.2.128/25 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all");

        SpfReport report = check("cidr.example");

        assertThat(report.authorizes(InetAddresses.forString("192.0.2.1"))).isTrue();
        assertThat(report.authorizes(InetAddresses.forString("192.0.2.127"))).isTrue();
        assertThat(report.authorizes(InetAddresses.forString("192.0.2.200"))).as("first match is -ip4").isFalse();
        assertThat(report.authorizes(InetAddresses.forString("192.0.3.1"))).isFalse();
        assertThat(report.authorizes(InetAddresses.forString("2001:db8:1::25"))).isTrue();
        assertThat(report.authorizes(InetAddresses.forString("2001:db9::25"))).isFalse();
    }

    @Test
    void syntaxErrorNamesTheTerm() {
        dns.txt("typo.example", "v=spf1 include:" + OURS + " ip4:192.0.2.300 -all");

        SpfReport report = check("typo.example");

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(SpfProblem.SYNTAX);
            assertThat(f.term()).isEqualTo("ip4:192.0.2.300");
        });
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void failingDnsIsUnknownNotMissing() {
        dns.txt("flaky.example", "v=spf1 include:down.example -all").failing("down.example").failing("timeout.example");

        SpfReport partly = check("flaky.example");
        SpfReport wholly = check("timeout.example");

        assertThat(partly.isUnknown()).isTrue();
        assertThat(partly.has(SpfProblem.INCLUDE_WITHOUT_RECORD)).isFalse();
        assertThat(partly.voidLookups()).isZero();
        assertThat(wholly.isUnknown()).isTrue();
        assertThat(wholly.has(SpfProblem.NO_RECORD)).isFalse();
    }

    @Test
    void mxWithMoreThanTenRecordsIsAPermerror() {
        dns.txt("bigmx.example", "v=spf1 mx -all");
        for (int i = 0; i < 11; i++) {
            dns.mx("bigmx.example", i, "mx" + i + ".bigmx.example");
        }

        assertThat(check("bigmx.example").has(SpfProblem.TOO_MANY_MX)).isTrue();
    }

    @Test
    void macroTargetsAreCountedButNotQueried() {
        dns.txt("macro.example", "v=spf1 exists:%{i}._spf.macro.example -all");

        SpfReport report = check("macro.example");

        assertThat(report.lookups()).isEqualTo(1);
        assertThat(report.has(SpfProblem.MACRO_NOT_CHECKED)).isTrue();
        assertThat(dns.asked()).containsExactly("TXT macro.example");
    }
}

package dev.penguinmails.domains.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DmarcParserTest {

    @Test
    void goodRecordIsParsedWithDefaults() {
        DmarcParser.Result result = DmarcParser.parse("v=DMARC1; p=reject; rua=mailto:dmarc@example.com;");

        assertThat(result.findings()).isEmpty();
        DmarcRecord record = result.record();
        assertThat(record.policy()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(record.subdomainPolicy()).as("sp defaults to p").isEqualTo(DmarcPolicy.REJECT);
        assertThat(record.percent()).isEqualTo(100);
        assertThat(record.dkimAlignment()).isEqualTo(Alignment.RELAXED);
        assertThat(record.reportInterval()).isEqualTo(86400);
        assertThat(record.aggregateReports()).extracting(ReportUri::address).containsExactly("dmarc@example.com");
    }

    @Test
    void everyTagIsRead() {
        DmarcParser.Result result = DmarcParser.parse("v=DMARC1;p=quarantine ; sp=none; pct=50; adkim=s; aspf=r; "
                + "fo=1:d; ri=3600; rf=afrf; ruf=mailto:forensic@example.com");

        DmarcRecord record = result.record();
        assertThat(record.subdomainPolicy()).isEqualTo(DmarcPolicy.NONE);
        assertThat(record.percent()).isEqualTo(50);
        assertThat(record.dkimAlignment()).isEqualTo(Alignment.STRICT);
        assertThat(record.failureOptions()).containsExactly("1", "d");
        assertThat(record.reportInterval()).isEqualTo(3600);
        assertThat(record.failureReports()).singleElement().satisfies(u -> assertThat(u.isMailto()).isTrue());
        assertThat(result.findings()).extracting(DmarcFinding::problem)
                .containsExactlyInAnyOrder(DmarcProblem.NO_AGGREGATE_REPORTS, DmarcProblem.PARTIAL_PERCENT);
    }

    @Test
    void missingPolicyMakesTheRecordUnusable() {
        DmarcParser.Result result = DmarcParser.parse("v=DMARC1; rua=mailto:dmarc@example.com");

        assertThat(result.record()).isNull();
        assertThat(result.findings()).extracting(DmarcFinding::problem).containsExactly(DmarcProblem.MISSING_POLICY);
    }

    @Test
    void badTagValuesAreReportedPerTag() {
        DmarcParser.Result result = DmarcParser.parse(
                "v=DMARC1; p=block; pct=150; adkim=x; fo=2; ri=-5; rua=dmarc@example.com");

        assertThat(result.record()).isNull();
        assertThat(result.findings()).filteredOn(f -> f.problem() == DmarcProblem.INVALID_VALUE)
                .extracting(DmarcFinding::tag).containsExactlyInAnyOrder("p", "pct", "adkim", "fo", "ri", "rua");
    }

    @Test
    void ruaWithSizeLimitAndSeveralDestinations() {
        DmarcRecord record = DmarcParser.parse(
                "v=DMARC1; p=none; rua=mailto:a@example.com!10m, mailto:b@reports.example.net!512k,mailto:c@example.org").record();

        assertThat(record.aggregateReports()).extracting(ReportUri::address)
                .containsExactly("a@example.com", "b@reports.example.net", "c@example.org");
        assertThat(record.aggregateReports()).extracting(ReportUri::maxBytes)
                .containsExactly(10L * 1024 * 1024, 512L * 1024, null);
    }

    @Test
    void monitoringOnlyIsFlagged() {
        DmarcParser.Result result = DmarcParser.parse("v=DMARC1; p=none; rua=mailto:dmarc@example.com");

        assertThat(result.findings()).extracting(DmarcFinding::problem).containsExactly(DmarcProblem.MONITORING_ONLY);
    }

    @Test
    void versionMustComeFirstAndBeExact() {
        assertThat(DmarcParser.parse("p=none; v=DMARC1").findings()).extracting(DmarcFinding::problem)
                .containsExactly(DmarcProblem.BAD_VERSION);
        assertThat(DmarcParser.parse("v=DMARC2; p=none").record()).isNull();
    }

    @Test
    void unknownAndDuplicateTagsAreReported() {
        DmarcParser.Result result = DmarcParser.parse("v=DMARC1; p=none; p=reject; rua=mailto:d@example.com; np=reject; junk");

        assertThat(result.record().policy()).as("the first p counts").isEqualTo(DmarcPolicy.NONE);
        assertThat(result.findings()).extracting(DmarcFinding::problem).contains(
                DmarcProblem.DUPLICATE_TAG, DmarcProblem.UNKNOWN_TAG, DmarcProblem.SYNTAX);
    }

    @Test
    void nonMailtoUriIsAWarning() {
        DmarcParser.Result result = DmarcParser.parse("v=DMARC1; p=none; rua=https://reports.example.com/dmarc");

        assertThat(result.record().aggregateReports()).singleElement().satisfies(u -> assertThat(u.address()).isNull());
        assertThat(result.findings()).extracting(DmarcFinding::problem).contains(DmarcProblem.NON_MAILTO_URI);
    }
}

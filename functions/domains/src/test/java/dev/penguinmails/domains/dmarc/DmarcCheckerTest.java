package dev.penguinmails.domains.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.domains.dns.InMemoryDns;
import org.junit.jupiter.api.Test;

class DmarcCheckerTest {
    private final InMemoryDns dns = new InMemoryDns();
    private final DmarcChecker checker = new DmarcChecker(dns);

    @Test
    void ownRecordApplies() {
        dns.txt("_dmarc.shop.com", "v=DMARC1; p=quarantine; rua=mailto:d@shop.com").txt("_dmarc.shop.com", "other text");

        DmarcReport report = checker.check("Shop.com.");

        assertThat(report.isValid()).isTrue();
        assertThat(report.recordName()).isEqualTo("_dmarc.shop.com");
        assertThat(report.record().policy()).isEqualTo(DmarcPolicy.QUARANTINE);
    }

    @Test
    void subdomainInheritsTheOrganizationalRecord() {
        dns.txt("_dmarc.shop.co.uk", "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@shop.co.uk");

        DmarcReport report = checker.check("news.shop.co.uk");

        assertThat(report.recordName()).isEqualTo("_dmarc.shop.co.uk");
        assertThat(report.record().subdomainPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(report.has(DmarcProblem.INHERITED)).isTrue();
    }

    @Test
    void missingAndDuplicateRecordsAreErrors() {
        dns.txt("_dmarc.twice.com", "v=DMARC1; p=none").txt("_dmarc.twice.com", "v=DMARC1; p=reject");

        assertThat(checker.check("none.com").has(DmarcProblem.NO_RECORD)).isTrue();
        DmarcReport twice = checker.check("twice.com");
        assertThat(twice.has(DmarcProblem.MULTIPLE_RECORDS)).isTrue();
        assertThat(twice.record()).isNull();
    }

    @Test
    void txtRecordsNotStartingWithTheVersionAreDiscarded() {
        dns.txt("_dmarc.misplaced.com", "v=spf1 -all").txt("_dmarc.misplaced.com", "p=reject; v=DMARC1");

        assertThat(checker.check("misplaced.com").has(DmarcProblem.NO_RECORD)).isTrue();
    }

    @Test
    void failingDnsIsUnknownAndNotInherited() {
        dns.failing("_dmarc.news.shop.com").txt("_dmarc.shop.com", "v=DMARC1; p=reject");

        DmarcReport report = checker.check("news.shop.com");

        assertThat(report.has(DmarcProblem.DNS_ERROR)).isTrue();
        assertThat(report.has(DmarcProblem.NO_RECORD)).isFalse();
        assertThat(report.isValid()).isFalse();
    }
}

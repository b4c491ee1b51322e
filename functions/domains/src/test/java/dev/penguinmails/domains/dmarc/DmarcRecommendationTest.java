package dev.penguinmails.domains.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DmarcRecommendationTest {

    @Test
    void startingRecordIsMonitoringWithReportsAndRelaxedAlignment() {
        String record = DmarcRecommendation.startingRecord("dmarc@reports.shop.com");

        assertThat(record).isEqualTo("v=DMARC1; p=none; rua=mailto:dmarc@reports.shop.com; adkim=r; aspf=r");
        DmarcParser.Result parsed = DmarcParser.parse(record);
        assertThat(parsed.record().aggregateReports()).extracting(ReportUri::address).containsExactly("dmarc@reports.shop.com");
        assertThat(parsed.findings()).extracting(DmarcFinding::problem).containsExactly(DmarcProblem.MONITORING_ONLY);
    }

    @Test
    void addressesThatWouldBreakTheRecordAreRefused() {
        assertThatThrownBy(() -> DmarcRecommendation.startingRecord("not-an-address")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DmarcRecommendation.startingRecord("a@b.com; p=reject")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolloutGoesFromNoneThroughQuarantineToRejectAndEveryStepParses() {
        var steps = DmarcRecommendation.rollout();

        assertThat(steps.get(0).policy()).isEqualTo(DmarcPolicy.NONE);
        assertThat(steps.get(steps.size() - 1).policy()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(steps).extracting(RolloutStep::order).isSorted().doesNotHaveDuplicates();
        assertThat(steps).extracting(RolloutStep::policy).isSortedAccordingTo(Enum::compareTo);
        for (RolloutStep step : steps) {
            DmarcRecord parsed = DmarcParser.parse(step.record("d@shop.com")).record();
            assertThat(parsed.policy()).isEqualTo(step.policy());
            assertThat(parsed.percent()).isEqualTo(step.percent());
            assertThat(step.conditionToAdvance()).isNotBlank();
        }
    }
}

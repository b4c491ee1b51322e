package dev.penguinmails.domains.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.domains.dns.InMemoryDns;
import org.junit.jupiter.api.Test;

class SpfMergeTest {
    private static final String OURS = "_spf.penguinmails.example";

    @Test
    void noRecordGetsOursWithSoftfail() throws SpfSyntaxException {
        SpfMerge.Result result = SpfMerge.merge(null, OURS);

        assertThat(result.changed()).isTrue();
        assertThat(result.record()).isEqualTo("v=spf1 include:" + OURS + " ~all");
    }

    @Test
    void existingMechanismsAndHardfailAreKeptAndOursGoesBeforeAll() throws SpfSyntaxException {
        SpfMerge.Result result = SpfMerge.merge("v=spf1 mx ip4:192.0.2.0/24 include:_spf.google.com -all", OURS);

        assertThat(result.record())
                .isEqualTo("v=spf1 mx ip4:192.0.2.0/24 include:_spf.google.com include:" + OURS + " -all");
    }

    @Test
    void recordWithoutAllGetsSoftfail() throws SpfSyntaxException {
        assertThat(SpfMerge.merge("v=spf1 a exp=why.example.com", OURS).record())
                .isEqualTo("v=spf1 a include:" + OURS + " exp=why.example.com ~all");
    }

    @Test
    void redirectOnlyRecordGetsNoAllBecauseAllWouldDisableTheRedirect() throws SpfSyntaxException {
        assertThat(SpfMerge.merge("v=spf1 redirect=_spf.other.example", OURS).record())
                .isEqualTo("v=spf1 include:" + OURS + " redirect=_spf.other.example");
    }

    @Test
    void alreadyPresentIsUnchanged() throws SpfSyntaxException {
        String existing = "v=spf1 include:" + OURS.toUpperCase() + " -all";

        SpfMerge.Result result = SpfMerge.merge(existing, OURS);

        assertThat(result.changed()).isFalse();
        assertThat(result.record()).isEqualTo(existing);
    }

    @Test
    void mergedRecordParsesBackWithOneAll() throws SpfSyntaxException {
        SpfRecord merged = SpfParser.parse(SpfMerge.merge("v=spf1 ?all", OURS).record());

        assertThat(merged.all()).hasValueSatisfying(all -> assertThat(all.qualifier()).isEqualTo(Qualifier.NEUTRAL));
        assertThat(SpfMerge.includesDirectly(merged, OURS)).isTrue();
    }

    @Test
    void plannerCountsOurTreeAndFlagsExceedingTheLimit() {
        InMemoryDns dns = new InMemoryDns()
                .txt(OURS, "v=spf1 include:_a.penguinmails.example -all")
                .txt("_a.penguinmails.example", "v=spf1 ip4:198.51.100.0/24 -all")
                .txt("busy.example", "v=spf1 a mx include:one.example include:two.example a:x.busy.example "
                        + "mx:x.busy.example exists:e.busy.example a:y.busy.example -all")
                .address("busy.example", "192.0.2.1").mx("busy.example", 10, "mx.busy.example")
                .address("x.busy.example", "192.0.2.2").mx("x.busy.example", 10, "mx.busy.example")
                .address("y.busy.example", "192.0.2.3").address("e.busy.example", "127.0.0.2")
                .txt("one.example", "v=spf1 ip4:192.0.2.10 -all").txt("two.example", "v=spf1 ip4:192.0.2.11 -all");

        SpfMergePlan plan = new SpfMergePlanner(new SpfChecker(dns)).plan("busy.example", OURS);

        assertThat(plan.outcome()).isEqualTo(SpfMergePlan.Outcome.UPDATE);
        assertThat(plan.lookupsAfter()).isEqualTo(8 + 2);
        assertThat(plan.exceedsLookupLimit()).isFalse();

        dns.txt("busier.example", "v=spf1 a mx include:one.example include:two.example a:x.busy.example "
                + "mx:x.busy.example exists:e.busy.example a:y.busy.example a:y.busy.example -all")
                .address("busier.example", "192.0.2.1").mx("busier.example", 10, "mx.busy.example");
        SpfMergePlan over = new SpfMergePlanner(new SpfChecker(dns)).plan("busier.example", OURS);

        assertThat(over.lookupsAfter()).isEqualTo(9 + 2);
        assertThat(over.exceedsLookupLimit()).isTrue();
        assertThat(over.record()).contains("include:" + OURS + " -all");
    }

    @Test
    void plannerSeesOurIncludeThroughNesting() {
        InMemoryDns dns = new InMemoryDns().txt(OURS, "v=spf1 ip4:198.51.100.0/24 -all")
                .txt("viaesp.example", "v=spf1 include:esp.example -all").txt("esp.example", "v=spf1 include:" + OURS + " -all");

        SpfMergePlan plan = new SpfMergePlanner(new SpfChecker(dns)).plan("viaesp.example", OURS);

        assertThat(plan.outcome()).isEqualTo(SpfMergePlan.Outcome.ALREADY_PRESENT);
        assertThat(plan.record()).isEqualTo(plan.currentRecord());
    }

    @Test
    void plannerCreatesWhenThereIsNoRecordAndRefusesTwoRecords() {
        InMemoryDns dns = new InMemoryDns().txt(OURS, "v=spf1 ip4:198.51.100.0/24 -all")
                .txt("twice.example", "v=spf1 -all").txt("twice.example", "v=spf1 mx -all");
        SpfMergePlanner planner = new SpfMergePlanner(new SpfChecker(dns));

        SpfMergePlan created = planner.plan("fresh.example", OURS);
        SpfMergePlan blocked = planner.plan("twice.example", OURS);

        assertThat(created.outcome()).isEqualTo(SpfMergePlan.Outcome.CREATE);
        assertThat(created.record()).isEqualTo("v=spf1 include:" + OURS + " ~all");
        assertThat(created.lookupsAfter()).isEqualTo(1);
        assertThat(blocked.outcome()).isEqualTo(SpfMergePlan.Outcome.BLOCKED);
        assertThat(blocked.record()).isNull();
    }
}

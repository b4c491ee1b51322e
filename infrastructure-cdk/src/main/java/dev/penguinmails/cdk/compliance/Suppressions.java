package dev.penguinmails.cdk.compliance;

import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.constructs.IConstruct;

/**
 * A rule-pack finding accepted on one construct (and its children), with the reason it is safe there.
 * Suppressions are metadata in the template, so they apply whether or not the packs run.
 */
public final class Suppressions {

    private Suppressions() { }

    /** Accepts {@code ruleId} (e.g. {@code AwsSolutions-S1}) on {@code construct} and everything under it. */
    public static void accept(IConstruct construct, String ruleId, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(ruleId).reason(reason).build()), true);
    }

    /** Accepts {@code ruleId} on {@code construct} for the named findings only, e.g. one IAM5 resource. */
    public static void accept(IConstruct construct, String ruleId, String reason, List<String> findings) {
        add(construct, ruleId, reason, List.<Object>copyOf(findings));
    }

    /** Accepts {@code ruleId} on {@code construct} for the findings that match {@code regex}, written {@code /.../}. */
    public static void acceptMatching(IConstruct construct, String ruleId, String reason, String regex) {
        add(construct, ruleId, reason, List.of(RegexAppliesTo.builder().regex(regex).build()));
    }

    private static void add(IConstruct construct, String ruleId, String reason, List<Object> findings) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(ruleId).reason(reason).appliesTo(findings).build()), true);
    }
}

package dev.penguinmails.cdk.compliance;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.ServerlessChecks;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/**
 * AWS's own rule packs, run by cdk-nag over everything under a scope at synth time: AwsSolutions
 * (the Well-Architected checks) and Serverless (Lambda, SQS, EventBridge and API Gateway practice).
 * A finding is an error or warning annotation on the resource; one that is safe here is suppressed
 * beside the resource, with its reason, through {@link Suppressions}.
 */
public final class RulePacks {

    /** The annotation prefixes of the packs' findings, e.g. {@code AwsSolutions-IAM5}. */
    public static final String AWS_SOLUTIONS = "AwsSolutions";
    public static final String SERVERLESS = "Serverless";

    private RulePacks() { }

    /** Checks every resource under {@code scope}, the whole app included, with both packs; reports go to the assembly. */
    public static void check(IConstruct scope) {
        // Verbose: each finding says what to change, not only the rule's name.
        NagPackProps props = NagPackProps.builder().verbose(true).reports(true).build();
        Aspects.of(scope).add(new AwsSolutionsChecks(props));
        Aspects.of(scope).add(new ServerlessChecks(props));
    }
}

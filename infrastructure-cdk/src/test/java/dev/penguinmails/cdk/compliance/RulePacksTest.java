package dev.penguinmails.cdk.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.penguinmails.cdk.SynthesizedStacks;
import dev.penguinmails.cdk.SynthesizedStacks.Synthesized;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * Both stacks pass AWS's rule packs: every error and warning of AwsSolutions and Serverless is either
 * fixed or suppressed beside its resource with a reason. The packs run over the whole app, so a family
 * added later is checked the same way without touching this test.
 */
class RulePacksTest {

    private static final String ROUTES_WITHOUT_AUTHORIZER_RULE = "AwsSolutions-APIG4";
    // Columns of cdk-nag's CSV report: "Rule ID","Resource ID","Compliance","Exception Reason","Rule Level","Rule Info".
    private static final String COMPLIANT = "\"Compliant\"";
    private static final String SUPPRESSED = "\"Suppressed\",";

    private static List<Synthesized> stacks() {
        return List.of(SynthesizedStacks.penguinMails(), SynthesizedStacks.sample());
    }

    @Test
    void noErrorOrWarningOfEitherPackIsLeftUnsuppressed() {
        for (Synthesized s : stacks()) {
            List<String> open = findings(s).stream()
                    .map(f -> f.getLevel() + " " + f.getId() + ": " + firstLine(f))
                    .toList();
            assertThat(open).as("unsuppressed rule-pack findings in %s", s.synthesis().stack().getStackName()).isEmpty();
        }
    }

    @Test
    void onlyPublicRoutesGoWithoutAnAuthorizerAndSaySo() throws IOException {
        Synthesized s = SynthesizedStacks.penguinMails();
        Path assembly = Path.of(s.synthesis().assembly().getDirectory());
        List<String> routes = Files.readAllLines(assembly.resolve(RulePacks.AWS_SOLUTIONS + "-"
                        + s.synthesis().stack().getStackName() + "-NagReport.csv")).stream()
                .filter(l -> l.startsWith("\"" + ROUTES_WITHOUT_AUTHORIZER_RULE + "\",")).toList();
        assertThat(routes).anyMatch(l -> l.contains(COMPLIANT));
        assertThat(routes).filteredOn(l -> l.contains(SUPPRESSED)).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("public by design"));
    }

    @Test
    void bothPacksRanOverEveryResourceAndReportedThem() throws IOException {
        for (Synthesized s : stacks()) {
            Path assembly = Path.of(s.synthesis().assembly().getDirectory());
            for (String stack : reportedStacks(s)) {
                for (String pack : List.of(RulePacks.AWS_SOLUTIONS, RulePacks.SERVERLESS)) {
                    Path report = assembly.resolve(pack + "-" + stack + "-NagReport.csv");
                    assertThat(report).as("%s report of %s", pack, stack).isRegularFile();
                    List<String> lines = Files.readAllLines(report);
                    assertThat(lines).anyMatch(l -> l.contains(COMPLIANT));
                    // A suppressed finding is reported with the reason it is safe.
                    assertThat(lines).filteredOn(l -> l.contains(SUPPRESSED)).allSatisfy(l ->
                            assertThat(l.split(SUPPRESSED, 2)[1].length()).as(l).isGreaterThan(40));
                }
            }
        }
    }

    /**
     * The packs check each family's nested stack too, and a finding there fails the synth like one in the parent:
     * cdk-nag reports it on the parent's artifact, which is what {@link #noErrorOrWarningOfEitherPackIsLeftUnsuppressed}
     * reads. A queue without TLS enforcement or a dead-letter queue, deliberately left unsuppressed in a nested stack.
     */
    @Test
    void aFindingInANestedStackIsReportedOnTheParent() {
        App app = new App(AppProps.builder().outdir(SynthesizedStacks.targetDirectory().resolve("cdk-nag-nested.out")
                .toString()).build());
        Stack parent = new Stack(app, "NagParent");
        NestedStack nested = new NestedStack(parent, "SomeFunctions");
        new Queue(nested, "Careless");
        RulePacks.check(app);
        CloudAssembly assembly = app.synth();
        List<String> errors = assembly.getStackByName("NagParent").getMessages().stream()
                .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR)
                .filter(m -> m.getId().contains("SomeFunctions/Careless"))
                .map(m -> rule(m)).toList();
        assertThat(errors).contains("AwsSolutions-SQS4", "Serverless-SQSRedrivePolicy");
    }

    /** The stacks cdk-nag writes a report for: the parent and each family's nested stack (named by its unique id). */
    private static List<String> reportedStacks(Synthesized s) {
        List<String> names = new ArrayList<>(List.of(s.synthesis().stack().getStackName()));
        s.synthesis().stack().nestedStacks().values().forEach(n -> names.add(Names.uniqueId(n)));
        return names;
    }

    @Test
    void theFixesHoldRatherThanBeingSuppressed() throws IOException {
        for (Synthesized s : stacks()) {
            Path assembly = Path.of(s.synthesis().assembly().getDirectory());
            List<String> suppressed = new ArrayList<>();
            for (String stack : reportedStacks(s)) {
                for (String pack : List.of(RulePacks.AWS_SOLUTIONS, RulePacks.SERVERLESS)) {
                    Files.readAllLines(assembly.resolve(pack + "-" + stack + "-NagReport.csv")).stream()
                            .filter(l -> l.contains(SUPPRESSED)).forEach(suppressed::add);
                }
            }
            for (String fixed : List.of("Serverless-EventBusDLQ", "AwsSolutions-L1", "Serverless-LambdaLatestVersion",
                    "Serverless-LambdaTracing", "Serverless-LambdaAsyncFailureDestination", "AwsSolutions-S1")) {
                assertThat(suppressed).as(fixed).noneMatch(l -> l.startsWith("\"" + fixed + "\","));
            }
        }
    }

    private static List<SynthesisMessage> findings(Synthesized s) {
        return s.synthesis().assembly().getStackByName(s.synthesis().stack().getStackName()).getMessages().stream()
                .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR || m.getLevel() == SynthesisMessageLevel.WARNING)
                .filter(m -> rule(m).startsWith(RulePacks.AWS_SOLUTIONS + "-") || rule(m).startsWith(RulePacks.SERVERLESS + "-"))
                .toList();
    }

    private static String rule(SynthesisMessage message) {
        String data = String.valueOf(message.getEntry().getData());
        int colon = data.indexOf(':');
        return colon < 0 ? data : data.substring(0, colon).strip();
    }

    private static String firstLine(SynthesisMessage message) {
        String data = String.valueOf(message.getEntry().getData());
        int end = data.indexOf('\n');
        return end < 0 ? data : data.substring(0, end);
    }
}

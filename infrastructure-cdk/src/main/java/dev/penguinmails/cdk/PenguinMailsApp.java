package dev.penguinmails.cdk;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.penguinmails.cdk.compliance.RulePacks;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.Topology;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The CDK app: one {@link PenguinMailsStack} for the stage named by the {@code stage} context
 * ({@code cdk deploy -c stage=prod}, default {@value #DEFAULT_STAGE}).
 */
public final class PenguinMailsApp {

    public static final String STAGE_CONTEXT = "stage";
    public static final String DEFAULT_STAGE = "dev";
    /** Comma-separated browser origins allowed by CORS, e.g. {@code -c corsAllowOrigins=https://app.example.com}. */
    public static final String CORS_CONTEXT = "corsAllowOrigins";
    public static final String DEFAULT_CORS_ORIGINS = "*";
    /**
     * {@code -c rulePacks=true} runs AWS's rule packs ({@link RulePacks}) over the whole app; an unsuppressed
     * finding is an error annotation, which fails {@code cdk synth}. The tests always run them.
     */
    public static final String RULE_PACKS_CONTEXT = "rulePacks";

    /**
     * CDK behaviours the stack relies on. S3 access-log delivery is granted by the log bucket's policy, which
     * works with bucket-owner-enforced ownership, rather than by the legacy LogDeliveryWrite ACL.
     */
    static final Map<String, Object> FEATURE_FLAGS = Map.of("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);

    private PenguinMailsApp() { }

    public static void main(String[] args) {
        RepositoryLayout layout = RepositoryLayout.locate();
        // The cdk CLI names the output folder; run straight from Maven, the assembly goes to target/cdk.out.
        String cdkOutdir = System.getenv("CDK_OUTDIR");
        Path outdir = cdkOutdir == null || cdkOutdir.isBlank() ? layout.defaultOutputDirectory() : Path.of(cdkOutdir);
        synthesize(Map.of(), layout, outdir);
    }

    /** Builds the PenguinMails stack and writes the cloud assembly to {@code outdir}; {@code context} adds to the CLI's. */
    public static Synthesis synthesize(Map<String, ?> context, RepositoryLayout layout, Path outdir) {
        return synthesize(PenguinMailsTopology.define(), context, layout, outdir);
    }

    /** Builds the stack of any topology (tests use richer ones) and writes the cloud assembly to {@code outdir}. */
    public static Synthesis synthesize(Topology topology, Map<String, ?> context, RepositoryLayout layout, Path outdir) {
        Map<String, Object> withFlags = new HashMap<>(FEATURE_FLAGS);
        withFlags.putAll(context);
        App app = new App(AppProps.builder().context(withFlags).outdir(outdir.toString()).build());
        DeploymentStage stage = new DeploymentStage(
                contextString(app, STAGE_CONTEXT, DEFAULT_STAGE), topology.name(), corsOrigins(app),
                contextString(app, "appBaseUrl", DeploymentStage.DEFAULT_APP_BASE_URL),
                contextString(app, "mailFrom", DeploymentStage.DEFAULT_MAIL_FROM),
                contextString(app, "apiBaseUrl", null));
        PenguinMailsStack stack = new PenguinMailsStack(app, stage.stackName(),
                StackProps.builder()
                        .stackName(stage.stackName())
                        .description("PenguinMails " + stage.name() + ": built from the topology model")
                        .build(),
                topology, stage, layout);
        if (Boolean.parseBoolean(contextString(app, RULE_PACKS_CONTEXT, "false"))) {
            RulePacks.check(app);
        }
        Tags.of(app).add("project", topology.name());
        Tags.of(app).add("stage", stage.name());
        return new Synthesis(topology, stage, stack, app.synth());
    }

    private static List<String> corsOrigins(App app) {
        Object value = app.getNode().tryGetContext(CORS_CONTEXT);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String text = value == null ? DEFAULT_CORS_ORIGINS : String.valueOf(value);
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String contextString(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }

    /** A finished synth: the topology, the stage it was built for, its one stack and the assembly written to disk. */
    public record Synthesis(Topology topology, DeploymentStage stage, PenguinMailsStack stack, CloudAssembly assembly) {

        /** The synthesized CloudFormation template, as written to the assembly. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> template() {
            return (Map<String, Object>) assembly.getStackByName(stack.getStackName()).getTemplate();
        }
    }
}

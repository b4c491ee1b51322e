package dev.penguinmails.cdk.functions;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.environment.DatabaseEndpoint;
import dev.penguinmails.topology.environment.ResourceNames;
import dev.penguinmails.topology.environment.StageSettings;
import software.amazon.awscdk.Aws;

/**
 * The environment of a family's Lambdas: the topology's {@link dev.penguinmails.topology.environment.FunctionEnvironment}
 * (the same computation the local stack uses) as environment variables, the ARNs of its keys and secrets
 * (never their values), plus JVM options for fast cold starts.
 */
public final class FunctionEnvironment {

    /**
     * C1 only: a Lambda's short, bursty life gains little from C2 and pays for its compile time. The serial
     * collector: one heap of a few hundred MB needs no concurrent threads, and it starts fastest. These are
     * the flags docs/benchmarks/cold-starts.md measures with.
     */
    public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private FunctionEnvironment() { }

    /** Variables for every entry point of {@code function}; endpoint overrides are absent, as on AWS they must be. */
    public static Map<String, String> of(FunctionSpec function, FamilyResources resources, DeploymentStage stage) {
        Map<String, String> env = new LinkedHashMap<>();
        dev.penguinmails.topology.environment.FunctionEnvironment
                .of(function, names(resources), settings(stage))
                .forEach((key, value) -> env.put(ConfigKeys.environmentVariable(key), value));
        env.putAll(resources.secrets().environment(function));
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        return env;
    }

    /** The stage's settings as the topology's environment computation takes them. */
    public static StageSettings settings(DeploymentStage stage) {
        return new StageSettings(stage.name(), Aws.REGION, stage.appBaseUrl(), stage.mailFrom(), stage.apiBaseUrl());
    }

    private static ResourceNames names(FamilyResources resources) {
        return new ResourceNames() {
            @Override
            public DatabaseEndpoint database(String logicalName) {
                return resources.databases().endpoint(logicalName);
            }

            @Override
            public String table(String logicalName) {
                return resources.table(logicalName).getTableName();
            }

            @Override
            public String bucket(String logicalName) {
                return resources.bucket(logicalName).getBucketName();
            }

            @Override
            public String queueUrl(String logicalName) {
                return resources.queue(logicalName).getQueueUrl();
            }

            @Override
            public String eventBus() {
                return resources.eventBus().getEventBusName();
            }

            @Override
            public String emailConfigurationSet() {
                return resources.emailConfigurationSet();
            }
        };
    }
}

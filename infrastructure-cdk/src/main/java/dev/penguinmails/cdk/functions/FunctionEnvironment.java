package dev.penguinmails.cdk.functions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.QueueHandler;
import software.amazon.awscdk.Aws;

/**
 * The environment of a family's Lambdas: the {@link ConfigKeys} contract by which a function finds
 * its resources (and the ARNs of its keys and secrets, never their values), as environment variables,
 * plus JVM options for fast cold starts.
 */
public final class FunctionEnvironment {

    /**
     * C1 only: a Lambda's short, bursty life gains little from C2 and pays for its compile time. The serial
     * collector: one heap of a few hundred MB needs no concurrent threads, and it starts fastest. These are
     * the flags docs/benchmarks/cold-starts.md measures with.
     */
    public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    /**
     * Not in {@link ConfigKeys} yet: the SES configuration set that must be named on every send so that
     * bounces and complaints reach the bus.
     */
    public static final String EMAIL_CONFIGURATION_SET_KEY = ConfigKeys.EMAIL_CONFIGURATION_SET;

    private FunctionEnvironment() { }

    /** Variables for every entry point of {@code function}; endpoint overrides are absent, as on AWS they must be. */
    public static Map<String, String> of(FunctionSpec function, FamilyResources resources, DeploymentStage stage) {
        Map<String, String> env = new LinkedHashMap<>();
        put(env, ConfigKeys.STAGE, stage.name());
        put(env, ConfigKeys.REGION, Aws.REGION);
        put(env, ConfigKeys.EVENT_BUS, resources.eventBus().getEventBusName());
        put(env, ConfigKeys.FUNCTION_TIMEOUT_SECONDS, Integer.toString(function.timeoutSeconds()));
        FunctionSpec.Access access = function.access();
        access.tables().forEach(t -> put(env, ConfigKeys.table(t), resources.table(t).getTableName()));
        access.buckets().forEach(b -> put(env, ConfigKeys.bucket(b), resources.bucket(b).getBucketName()));
        Stream.concat(access.sendToQueues().stream(), function.queueHandlers().stream().map(QueueHandler::queue))
                .distinct()
                .forEach(q -> put(env, ConfigKeys.queueUrl(q), resources.queue(q).getQueueUrl()));
        if (access.sendEmail()) {
            put(env, EMAIL_CONFIGURATION_SET_KEY, resources.emailConfigurationSet());
            put(env, ConfigKeys.APP_BASE_URL, stage.appBaseUrl());
            put(env, ConfigKeys.MAIL_FROM, stage.mailFrom());
        }
        env.putAll(resources.secrets().environment(function));
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        return env;
    }

    private static void put(Map<String, String> env, String key, String value) {
        env.put(ConfigKeys.environmentVariable(key), value);
    }
}

package dev.penguinmails.cdk.stage;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.FunctionSpec;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * One deployment of the topology (dev, staging, prod, ...): how its resources are named, and what
 * a production stage keeps when the stack is deleted.
 *
 * @param name             the stage, e.g. {@code dev}; part of every physical name
 * @param topologyName     the topology's name, e.g. {@code penguinmails}
 * @param corsAllowOrigins browser origins the HTTP API answers CORS preflights for
 */
public record DeploymentStage(String name, String topologyName, List<String> corsAllowOrigins) {

    /** Short, so that {@code <stage>-<family>-<entryPoint>} stays within Lambda's 64 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]{0,14}[a-z0-9])?");
    private static final Pattern PRODUCTION = Pattern.compile("prod(uction)?(-[a-z0-9-]+)?");

    public DeploymentStage {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("stage must be 1-16 lower-case letters, digits or '-', starting with a letter: " + name);
        }
        Objects.requireNonNull(topologyName, "topologyName");
        corsAllowOrigins = List.copyOf(corsAllowOrigins);
        if (corsAllowOrigins.isEmpty()) {
            throw new IllegalArgumentException("at least one CORS origin is needed");
        }
    }

    /** {@code prod}, {@code production} and {@code prod-*} are production: their data outlives the stack. */
    public boolean production() {
        return PRODUCTION.matcher(name).matches();
    }

    /** The physical name of a table, queue or other account-scoped resource, e.g. {@code penguinmails-dev-identity}. */
    public String resourceName(String logicalName) {
        return topologyName + "-" + name + "-" + logicalName;
    }

    /** The Lambda function name of one entry point: {@code <stage>-<family>-<entryPoint>}. */
    public String functionName(FunctionSpec function, EntryPoint entryPoint) {
        return name + "-" + function.family() + "-" + entryPoint.name();
    }

    /** The custom event bus's name, e.g. {@code penguinmails-dev}. */
    public String eventBusName(String logicalBus) {
        return logicalBus + "-" + name;
    }

    /** The CloudFormation stack name, e.g. {@code penguinmails-dev}. */
    public String stackName() {
        return topologyName + "-" + name;
    }

    /** Data (tables, buckets, logs) survives a stack deletion in production; elsewhere it goes with the stack. */
    public RemovalPolicy dataRemovalPolicy() {
        return production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    /** How long Lambda and API access logs are kept. */
    public RetentionDays logRetention() {
        return production() ? RetentionDays.SIX_MONTHS : RetentionDays.TWO_WEEKS;
    }
}

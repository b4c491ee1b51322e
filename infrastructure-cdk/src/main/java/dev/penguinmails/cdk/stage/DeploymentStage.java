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
 * @param appBaseUrl       the https web app that email links point at
 * @param mailFrom         the sender of the platform's own emails
 * @param apiBaseUrl       the https URL of the HTTP API (its custom domain), which links answered by the API itself
 *                         (an email's unsubscribe link and one-click POST) point at; {@code null} for the API's own
 *                         endpoint
 */
public record DeploymentStage(String name, String topologyName, List<String> corsAllowOrigins,
                              String appBaseUrl, String mailFrom, String apiBaseUrl) {

    public static final String DEFAULT_APP_BASE_URL = "https://app.penguinmails.dev";
    public static final String DEFAULT_MAIL_FROM = "PenguinMails <no-reply@penguinmails.dev>";
    /** The stage names that switch on development defaults (generated keys, local links) in the functions. */
    private static final List<String> RESERVED = List.of("local", "test");

    /** Short, so that {@code <stage>-<family>-<entryPoint>} stays within Lambda's 64 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]{0,14}[a-z0-9])?");
    private static final Pattern PRODUCTION = Pattern.compile("prod(uction)?(-[a-z0-9-]+)?");

    public DeploymentStage {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("stage must be 1-16 lower-case letters, digits or '-', starting with a letter: " + name);
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("stage '" + name + "' is reserved for the local stack and tests, "
                    + "where functions use development keys; choose another name");
        }
        Objects.requireNonNull(topologyName, "topologyName");
        if (appBaseUrl == null || !appBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("appBaseUrl must be an https URL: " + appBaseUrl);
        }
        Objects.requireNonNull(mailFrom, "mailFrom");
        if (apiBaseUrl != null && !apiBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("apiBaseUrl must be an https URL: " + apiBaseUrl);
        }
        corsAllowOrigins = List.copyOf(corsAllowOrigins);
        if (corsAllowOrigins.isEmpty()) {
            throw new IllegalArgumentException("at least one CORS origin is needed");
        }
    }

    /** A stage with the default web app URL and sender, whose links to the API use the API's own endpoint. */
    public DeploymentStage(String name, String topologyName, List<String> corsAllowOrigins) {
        this(name, topologyName, corsAllowOrigins, DEFAULT_APP_BASE_URL, DEFAULT_MAIL_FROM);
    }

    /** A stage whose links to the API use the API's own endpoint. */
    public DeploymentStage(String name, String topologyName, List<String> corsAllowOrigins, String appBaseUrl,
                           String mailFrom) {
        this(name, topologyName, corsAllowOrigins, appBaseUrl, mailFrom, null);
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

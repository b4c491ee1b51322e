package dev.penguinmails.topology;

import java.util.Locale;

/**
 * The configuration keys by which a function finds its resources. CDK sets them as environment
 * variables ({@code PENGUINMAILS_TABLES_IDENTITY}); the local stack and tests set the same keys as
 * properties ({@code penguinmails.tables.identity}). Micronaut reads either form.
 */
public final class ConfigKeys {
    public static final String EVENT_BUS = "penguinmails.event-bus";
    public static final String REGION = "penguinmails.aws.region";
    public static final String ENDPOINT_PREFIX = "penguinmails.aws.endpoints.";
    public static final String STAGE = "penguinmails.stage";
    /** The SES configuration set every send must name, so that bounces and complaints reach the bus. */
    public static final String EMAIL_CONFIGURATION_SET = "penguinmails.email.configuration-set";

    private ConfigKeys() { }

    public static String table(String logicalName) {
        return "penguinmails.tables." + logicalName;
    }

    public static String queueUrl(String logicalName) {
        return "penguinmails.queues." + logicalName;
    }

    public static String bucket(String logicalName) {
        return "penguinmails.buckets." + logicalName;
    }

    /** The endpoint override for one AWS service, e.g. {@code dynamodb}; absent on AWS. */
    public static String endpoint(String service) {
        return ENDPOINT_PREFIX + service;
    }

    /** The environment variable Micronaut maps to {@code key}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}

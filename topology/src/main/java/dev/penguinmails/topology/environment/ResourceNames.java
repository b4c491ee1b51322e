package dev.penguinmails.topology.environment;

/**
 * Where the runtime put the resources a function may be given: physical names on AWS (CloudFormation
 * tokens in the CDK app), the provisioned emulator resources in the local stack.
 */
public interface ResourceNames {

    String table(String logicalName);

    String bucket(String logicalName);

    String queueUrl(String logicalName);

    String eventBus();

    /** The SES configuration set every send names, or {@code null} where the runtime has none. */
    String emailConfigurationSet();

    /** Where the runtime serves a logical database; only runtimes that run one override this. */
    default DatabaseEndpoint database(String logicalName) {
        throw new IllegalStateException("this runtime serves no database " + logicalName);
    }
}

package dev.penguinmails.emulators;

import java.util.Map;

/**
 * The resources provisioned for one topology under one name prefix.
 *
 * @param properties          every configuration property a function needs (see ConfigKeys): table
 *                            names, queue URLs, bucket names, event bus, region, endpoints, stage
 * @param queueUrls           queue URL by logical queue name
 * @param deadLetterQueueUrls DLQ URL by the logical name of the queue it serves
 */
public record ProvisionedStack(String namePrefix, Map<String, String> properties, Map<String, String> queueUrls,
                               Map<String, String> deadLetterQueueUrls) {

    public ProvisionedStack {
        properties = Map.copyOf(properties);
        queueUrls = Map.copyOf(queueUrls);
        deadLetterQueueUrls = Map.copyOf(deadLetterQueueUrls);
    }

    /** One property, or an exception naming the missing key. */
    public String property(String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the provisioned stack has no property " + key);
        }
        return value;
    }

    /** The physical name of a logical table. */
    public String tableName(String logicalName) {
        return property(dev.penguinmails.topology.ConfigKeys.table(logicalName));
    }

    /** The physical name of a logical bucket. */
    public String bucketName(String logicalName) {
        return property(dev.penguinmails.topology.ConfigKeys.bucket(logicalName));
    }

    /** The URL of a logical queue. */
    public String queueUrl(String logicalName) {
        String url = queueUrls.get(logicalName);
        if (url == null) {
            throw new IllegalArgumentException("the provisioned stack has no queue " + logicalName);
        }
        return url;
    }

    /** The physical event bus name. */
    public String eventBus() {
        return property(dev.penguinmails.topology.ConfigKeys.EVENT_BUS);
    }
}

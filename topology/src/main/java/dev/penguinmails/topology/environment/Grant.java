package dev.penguinmails.topology.environment;

import java.util.List;

/**
 * Actions a function may take on one resource of the topology.
 *
 * @param kind        what the resource is
 * @param logicalName its name in the topology; empty for the bus and the email identities
 * @param actions     IAM action names, e.g. {@code dynamodb:GetItem}
 */
public record Grant(Kind kind, String logicalName, List<String> actions) {

    public Grant {
        actions = List.copyOf(actions);
    }

    /** The resource kinds a {@code FunctionSpec.Access} can name. */
    public enum Kind { TABLE, BUCKET_OBJECTS, BUCKET, QUEUE, EVENT_BUS, EMAIL, EMAIL_IDENTITIES, DATABASE }
}

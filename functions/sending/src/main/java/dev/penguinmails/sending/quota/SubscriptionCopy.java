package dev.penguinmails.sending.quota;

import dev.penguinmails.shared.plans.PlanCopyStore;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sending's copy of whether billing paused the workspace's sending (dunning), from
 * {@code billing.subscription.status_changed}: {@code sendingPaused} and {@code subscriptionVersion} on the plan
 * copy's item, so that the quota reads both at once. Written only when the event's version is newer.
 */
@Singleton
public class SubscriptionCopy {
    private final DynamoDbClient dynamo;
    private final String table;

    SubscriptionCopy(DynamoDbClient dynamo,
                     @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores {@code paused} unless the same or a newer version is stored; true if it was written. */
    public boolean apply(String workspaceId, boolean paused, long version) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new IllegalStateException("a workspace's subscription cannot be changed without its workspace");
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(PlanCopyStore.planPartitionKey(workspaceId))
                    .updateExpression("SET workspaceId = :ws, sendingPaused = :paused, subscriptionVersion = :v")
                    .conditionExpression("attribute_not_exists(subscriptionVersion) OR subscriptionVersion < :v")
                    .expressionAttributeValues(Map.of(":ws", AttributeValue.fromS(workspaceId),
                            ":paused", AttributeValue.fromBool(paused), ":v", AttributeValue.fromN(Long.toString(version)))));
            return true;
        } catch (ConditionalCheckFailedException olderOrSame) {
            return false;
        }
    }
}

package dev.penguinmails.sending.quota;

import dev.penguinmails.shared.plans.PlanCopyStore;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sending's copies of the workspaces' plans: in the sending table at {@code pk WS#<workspace>#PLAN, sk PLAN}. The same
 * item carries the subscription's {@code sendingPaused} ({@link SubscriptionCopy}), which this store leaves alone.
 */
@Singleton
public class SendingPlanStore extends PlanCopyStore {

    SendingPlanStore(DynamoDbClient dynamo,
                     @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        super(dynamo, table, PlanCopyStore::planPartitionKey);
    }
}

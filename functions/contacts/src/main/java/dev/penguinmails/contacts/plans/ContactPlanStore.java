package dev.penguinmails.contacts.plans;

import dev.penguinmails.shared.plans.PlanCopyStore;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Contacts' copies of the workspaces' plans: in the contacts table at {@code pk WS#<workspace>#PLAN, sk PLAN}. */
@Singleton
public class ContactPlanStore extends PlanCopyStore {

    ContactPlanStore(DynamoDbClient dynamo,
                     @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table) {
        super(dynamo, table, PlanCopyStore::planPartitionKey);
    }
}

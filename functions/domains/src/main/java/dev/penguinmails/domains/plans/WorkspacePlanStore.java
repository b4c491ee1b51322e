package dev.penguinmails.domains.plans;

import dev.penguinmails.shared.plans.PlanCopyStore;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Domains' copies of the workspaces' plans: in the domains table at {@code pk WS#<workspace>#PLAN, sk PLAN}. */
@Singleton
public class WorkspacePlanStore extends PlanCopyStore {

    WorkspacePlanStore(DynamoDbClient dynamo,
                       @Property(name = "penguinmails.tables." + PenguinMailsTopology.DOMAINS) String table) {
        super(dynamo, table, PlanCopyStore::planPartitionKey);
    }
}

package dev.penguinmails.identity.plans;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.identity.workspaces.WorkspaceItems;
import dev.penguinmails.shared.plans.PlanCopyStore;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Identity's copies of the workspaces' plans ({@code pk WS#<id>, sk PLAN}), in the workspace's own partition so the
 * purge removes it with the rest.
 */
@Singleton
public class WorkspacePlanStore extends PlanCopyStore {
    static final String SK = "PLAN";

    public WorkspacePlanStore(DynamoDbClient dynamo, IdentityTable table) {
        super(dynamo, table.name(), workspaceId -> IdentityKeys.key(WorkspaceItems.partition(workspaceId), SK));
    }
}

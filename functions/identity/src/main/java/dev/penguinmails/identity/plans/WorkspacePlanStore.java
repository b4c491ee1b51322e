package dev.penguinmails.identity.plans;

import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.identity.workspaces.WorkspaceItems;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The plan item of a workspace ({@code pk WS#<id>, sk PLAN}), in the workspace's own partition so the purge
 * removes it with the rest. Written only when the event's version is newer than the stored one: a late or
 * repeated event never puts an older plan back.
 */
@Singleton
public class WorkspacePlanStore {
    static final String SK = "PLAN";

    private final DynamoDbClient dynamo;
    private final IdentityTable table;

    public WorkspacePlanStore(DynamoDbClient dynamo, IdentityTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores {@code plan} unless a plan of the same or a newer version is stored; true if it was written. */
    public boolean apply(String workspaceId, WorkspacePlan plan) {
        try {
            dynamo.putItem(r -> r.tableName(table.name())
                    .item(Map.of(IdentityKeys.PK, AttributeValue.fromS(WorkspaceItems.partition(workspaceId)),
                            IdentityKeys.SK, AttributeValue.fromS(SK),
                            "planId", AttributeValue.fromS(plan.planId()),
                            "seats", AttributeValue.fromN(Integer.toString(plan.seats())),
                            "workspacesPerAccount", AttributeValue.fromN(Integer.toString(plan.workspacesPerAccount())),
                            "version", AttributeValue.fromN(Long.toString(plan.version()))))
                    .conditionExpression("attribute_not_exists(pk) OR version < :version")
                    .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(plan.version())))));
            return true;
        } catch (ConditionalCheckFailedException olderOrSame) {
            return false;
        }
    }

    /** The stored plan of the workspace, if billing published one. */
    public Optional<WorkspacePlan> find(String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table.name())
                .key(IdentityKeys.key(WorkspaceItems.partition(workspaceId), SK)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WorkspacePlan(item.get("planId").s(), Integer.parseInt(item.get("seats").n()),
                Integer.parseInt(item.get("workspacesPerAccount").n()), Long.parseLong(item.get("version").n())));
    }
}

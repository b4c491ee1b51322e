package dev.penguinmails.domains.plans;

import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The plan item of a workspace in the domains table ({@code pk WS#<workspace>#PLAN, sk PLAN}), its key built from
 * the {@link TenantContext}. Written only when the event's version is newer than the stored one: a late or
 * repeated event never puts an older plan back.
 */
@Singleton
public class WorkspacePlanStore {
    static final String PARTITION = "PLAN";
    static final String SK = "PLAN";

    private final DynamoDbClient dynamo;
    private final String table;

    WorkspacePlanStore(DynamoDbClient dynamo,
                       @Property(name = "penguinmails.tables." + PenguinMailsTopology.DOMAINS) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores {@code plan} unless a plan of the same or a newer version is stored; true if it was written. */
    public boolean apply(TenantContext tenant, WorkspacePlan plan) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(tenant));
        item.put("workspaceId", AttributeValue.fromS(tenant.workspaceId()));
        item.put("planId", AttributeValue.fromS(plan.planId()));
        item.put("mailboxes", AttributeValue.fromN(Integer.toString(plan.mailboxes())));
        item.put("version", AttributeValue.fromN(Long.toString(plan.version())));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR version < :version")
                    .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(plan.version())))));
            return true;
        } catch (ConditionalCheckFailedException olderOrSame) {
            return false;
        }
    }

    /** The stored plan of the workspace, if billing published one. */
    public Optional<WorkspacePlan> find(TenantContext tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WorkspacePlan(item.get("planId").s(), Integer.parseInt(item.get("mailboxes").n()),
                Long.parseLong(item.get("version").n())));
    }

    private static Map<String, AttributeValue> key(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("a workspace's plan cannot be read or changed without a TenantContext");
        }
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + PARTITION), "sk", AttributeValue.fromS(SK));
    }
}

package dev.penguinmails.shared.plans;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A workspace's {@link PlanCopy} as one item of a family's own table, at the key the family gives for a workspace.
 * Written only when the event's version is newer than the stored one, so a late or repeated event never puts an older
 * plan back. The write sets the plan's attributes and leaves any other attribute of the item alone.
 */
public class PlanCopyStore {
    private static final String[] LIMITS = {"mailboxes", "contacts", "emailsPerMonth", "workspacesPerAccount", "seats"};

    private final DynamoDbClient dynamo;
    private final String table;
    private final Function<String, Map<String, AttributeValue>> key;

    /**
     * @param table the family's table
     * @param key   the item's key for a workspace id; it must start with the workspace's own partition
     */
    protected PlanCopyStore(DynamoDbClient dynamo, String table, Function<String, Map<String, AttributeValue>> key) {
        this.dynamo = dynamo;
        this.table = table;
        this.key = key;
    }

    /**
     * The key most families give their copy: the workspace's own {@code PLAN} partition of their table,
     * {@code pk WS#<workspace>#PLAN, sk PLAN}.
     */
    public static Map<String, AttributeValue> planPartitionKey(String workspaceId) {
        return Map.of("pk", AttributeValue.fromS("WS#" + workspaceId + "#PLAN"), "sk", AttributeValue.fromS("PLAN"));
    }

    /** Stores {@code plan} unless a plan of the same or a newer version is stored; true if it was written. */
    public boolean apply(String workspaceId, PlanCopy plan) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":workspaceId", AttributeValue.fromS(workspaceId));
        values.put(":planId", AttributeValue.fromS(plan.planId()));
        values.put(":version", number(plan.version()));
        int[] limits = {plan.mailboxes(), plan.contacts(), plan.emailsPerMonth(), plan.workspacesPerAccount(), plan.seats()};
        StringBuilder set = new StringBuilder("SET workspaceId = :workspaceId, planId = :planId, version = :version");
        for (int i = 0; i < LIMITS.length; i++) {
            set.append(", ").append(LIMITS[i]).append(" = :").append(LIMITS[i]);
            values.put(":" + LIMITS[i], number(limits[i]));
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(workspaceId)).updateExpression(set.toString())
                    .conditionExpression("attribute_not_exists(version) OR version < :version")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException olderOrSame) {
            return false;
        }
    }

    /** The stored plan of the workspace, if billing published one. */
    public Optional<PlanCopy> find(String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(workspaceId))
                .consistentRead(true)).item();
        if (item == null || !item.containsKey("version")) {
            return Optional.empty();
        }
        return Optional.of(new PlanCopy(item.get("planId").s(), limit(item, "mailboxes"), limit(item, "contacts"),
                limit(item, "emailsPerMonth"), limit(item, "workspacesPerAccount"), limit(item, "seats"),
                Long.parseLong(item.get("version").n())));
    }

    private Map<String, AttributeValue> key(String workspaceId) {
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new IllegalStateException("a workspace's plan cannot be read or changed without its workspace");
        }
        return key.apply(workspaceId);
    }

    /** A limit the item lacks (a copy written before every family kept all five) reads as 0. */
    private static int limit(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Integer.parseInt(value.n());
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}

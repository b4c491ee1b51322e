package dev.penguinmails.billing.usage;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Billing's copy of which mailboxes are connected, one item per mailbox ({@code WS#id#BILLING / MAILBOX#<mailboxId>})
 * with its {@code connected} flag and the version of the {@code mailbox.*} event that set it. Written only by a newer
 * version, so a repeated or late event never undoes a newer one, and the count is the number connected now: removing
 * and connecting a mailbox again counts it once.
 */
@Singleton
public class ConnectedMailboxes {
    static final String PREFIX = "MAILBOX#";

    private final DynamoDbClient dynamo;
    private final String table;

    ConnectedMailboxes(DynamoDbClient dynamo, @Property(name = "penguinmails.tables.billing") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The mailbox's item key. */
    public static Map<String, AttributeValue> key(String workspaceId, String mailboxId) {
        return Map.of("pk", AttributeValue.fromS("WS#" + workspaceId + "#BILLING"),
                "sk", AttributeValue.fromS(PREFIX + mailboxId));
    }

    /**
     * Records the mailbox connected or not as of {@code version}; true when this made a mailbox connected that was
     * not (the one case that can cross a quota threshold). An older or repeated version changes nothing.
     */
    public boolean apply(String workspaceId, String mailboxId, long version, boolean connected) {
        Map<String, AttributeValue> item = new HashMap<>(key(workspaceId, mailboxId));
        item.put("workspaceId", AttributeValue.fromS(workspaceId));
        item.put("connected", AttributeValue.fromBool(connected));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        Map<String, AttributeValue> before;
        try {
            before = dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR version < :version")
                    .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(version))))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException olderOrSame) {
            return false;
        }
        boolean wasConnected = before != null && before.containsKey("connected") && before.get("connected").bool();
        return connected && !wasConnected;
    }

    /** How many of the workspace's mailboxes are connected now. */
    public long count(String workspaceId) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> {
                r.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .filterExpression("connected = :true")
                        .expressionAttributeValues(Map.of(":pk", key(workspaceId, "").get("pk"),
                                ":prefix", AttributeValue.fromS(PREFIX), ":true", AttributeValue.fromBool(true)))
                        .select(Select.COUNT).consistentRead(true);
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }
}

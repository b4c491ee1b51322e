package dev.penguinmails.events.outbox;

import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Rewrites an item of a family's table if its version is still the one read, with the events it owes in the
 * same write. An update, not a put: outbox entries owed by earlier writes stay on the item until delivered.
 */
public final class VersionedWrites {
    private VersionedWrites() { }

    /**
     * Sets {@code attributes} and removes those of {@code optional} it lacks, if the item's {@code version} is
     * {@code expectedVersion}; false if it changed meanwhile.
     */
    public static boolean replace(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key,
                                  Map<String, AttributeValue> attributes, List<String> optional, long expectedVersion,
                                  @Nullable OutboxEntry owed) {
        return replace(dynamo, table, key, attributes, optional, expectedVersion, owed, null);
    }

    /**
     * As {@link #replace(DynamoDbClient, String, Map, Map, List, long, OutboxEntry)}, if {@code alsoRequire} (a
     * condition expression naming attributes literally, e.g. {@code attribute_not_exists(removed)}) holds as well.
     */
    public static boolean replace(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key,
                                  Map<String, AttributeValue> attributes, List<String> optional, long expectedVersion,
                                  @Nullable OutboxEntry owed, @Nullable String alsoRequire) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        int i = 0;
        for (Map.Entry<String, AttributeValue> a : attributes.entrySet()) {
            names.put("#a" + i, a.getKey());
            values.put(":a" + i, a.getValue());
            set.append(i == 0 ? "" : ", ").append("#a").append(i).append(" = :a").append(i);
            i++;
        }
        // Placeholders for removed names too: some (e.g. timezone) are DynamoDB reserved words.
        List<String> absent = new java.util.ArrayList<>();
        for (String name : optional) {
            if (!attributes.containsKey(name)) {
                names.put("#r" + absent.size(), name);
                absent.add("#r" + absent.size());
            }
        }
        String expression = set + (absent.isEmpty() ? "" : " REMOVE " + String.join(", ", absent));
        names.put("#version", "version");
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression(owed == null ? expression : owed.updateExpression(expression))
                    .conditionExpression(alsoRequire == null ? "#version = :expected"
                            : "#version = :expected AND " + alsoRequire)
                    .expressionAttributeNames(owed == null ? names : owed.names(names))
                    .expressionAttributeValues(owed == null ? values : owed.values(values)));
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
        return true;
    }
}

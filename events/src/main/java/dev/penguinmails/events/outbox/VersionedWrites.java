package dev.penguinmails.events.outbox;

import dev.penguinmails.topology.TableSpec;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
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
        Update update = update(attributes, optional, expectedVersion);
        return write(dynamo, table, key, owed == null ? update.expression : owed.updateExpression(update.expression),
                alsoRequire == null ? "#version = :expected" : "#version = :expected AND " + alsoRequire,
                owed == null ? update.names : owed.names(update.names), owed == null ? update.values : owed.values(update.values));
    }

    /**
     * As {@link #replace(DynamoDbClient, String, Map, Map, List, long, OutboxEntry)}, and clears {@code delivered}
     * (delivered by the caller) in the same write, taking the item out of the outbox index: one request where
     * a change and a separate clear would take two. False if the version changed or the item owes anything else
     * (then nothing changed).
     */
    public static boolean replaceDelivered(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key,
                                           Map<String, AttributeValue> attributes, List<String> optional,
                                           long expectedVersion, OutboxEntry delivered) {
        Update update = update(attributes, optional, expectedVersion);
        update.names.put("#obxEntry", delivered.attributeName());
        update.names.put("#obxIds", OutboxEntry.PENDING_IDS);
        update.names.put("#obxPk", TableSpec.OUTBOX_INDEX.partitionKey());
        update.names.put("#obxSk", TableSpec.OUTBOX_INDEX.sortKey());
        update.values.put(":obxId", AttributeValue.fromS(delivered.id()));
        update.values.put(":obxOne", AttributeValue.fromN("1"));
        String removes = "#obxEntry, #obxIds, #obxPk, #obxSk";
        String expression = update.expression.contains(" REMOVE ") ? update.expression + ", " + removes
                : update.expression + " REMOVE " + removes;
        return write(dynamo, table, key, expression,
                "#version = :expected AND contains(#obxIds, :obxId) AND size(#obxIds) = :obxOne", update.names, update.values);
    }

    /** The SET of {@code attributes} and the REMOVE of the {@code optional} ones they lack. */
    private record Update(String expression, Map<String, String> names, Map<String, AttributeValue> values) { }

    private static Update update(Map<String, AttributeValue> attributes, List<String> optional, long expectedVersion) {
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
        List<String> absent = new ArrayList<>();
        for (String name : optional) {
            if (!attributes.containsKey(name)) {
                names.put("#r" + absent.size(), name);
                absent.add("#r" + absent.size());
            }
        }
        names.put("#version", "version");
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        return new Update(set + (absent.isEmpty() ? "" : " REMOVE " + String.join(", ", absent)), names, values);
    }

    private static boolean write(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key, String expression,
                                 String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key).updateExpression(expression)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
        return true;
    }
}

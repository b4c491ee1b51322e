package dev.penguinmails.shared.pagination;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page of a workspace partition's items, leaving out those whose {@code status} is REMOVED (kept a while for
 * the events they owe), with a cursor signed for {@code scope} so it only continues the same listing.
 */
public final class LiveItems {
    private static final String REMOVED = "REMOVED";

    private LiveItems() { }

    public static <T> Page<T> page(DynamoDbClient dynamo, String table, AttributeValue partition, String scope,
                                   PageRequest page, CursorCodec cursors, Function<Map<String, AttributeValue>, T> read) {
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).keyConditionExpression("pk = :pk")
                    .filterExpression("#status <> :removed")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pk", partition, ":removed", AttributeValue.fromS(REMOVED)))
                    .consistentRead(true).limit(page.limit());
            if (page.cursor() != null) {
                r.exclusiveStartKey(cursors.decode(page.cursor(), scope));
            }
        });
        List<T> items = response.items().stream().map(read).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(items, next);
    }
}

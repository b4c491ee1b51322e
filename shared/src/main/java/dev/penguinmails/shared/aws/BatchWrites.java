package dev.penguinmails.shared.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem and BatchGetItem over any number of items: in chunks of 25 writes or 100 keys, sending again
 * what DynamoDB left unprocessed (throttling, size) with a growing pause, and failing loudly if it is still left
 * after {@value #ATTEMPTS} attempts. Batch writes are unconditional, so callers write only what may be written
 * again (fixed keys, the same content).
 */
public final class BatchWrites {
    static final int ATTEMPTS = 8;
    private static final int WRITE_CHUNK = 25;
    private static final int GET_CHUNK = 100;

    private BatchWrites() { }

    public static void writeAll(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += WRITE_CHUNK) {
            List<WriteRequest> left = writes.subList(from, Math.min(writes.size(), from + WRITE_CHUNK));
            for (int attempt = 1; !left.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new IllegalStateException(left.size() + " writes to " + table + " were still unprocessed after "
                            + ATTEMPTS + " attempts");
                }
                pause(attempt);
                List<WriteRequest> chunk = left;
                BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, chunk)));
                left = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            }
        }
    }

    /** The items that exist of {@code keys} (strongly consistent), in no particular order. */
    public static List<Map<String, AttributeValue>> getAll(DynamoDbClient dynamo, String table,
                                                           List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += GET_CHUNK) {
            List<Map<String, AttributeValue>> left = keys.subList(from, Math.min(keys.size(), from + GET_CHUNK));
            for (int attempt = 1; !left.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new IllegalStateException(left.size() + " reads of " + table + " were still unprocessed after "
                            + ATTEMPTS + " attempts");
                }
                pause(attempt);
                List<Map<String, AttributeValue>> chunk = left;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(chunk).consistentRead(true).build())));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
                left = unprocessed == null ? List.of() : unprocessed.keys();
            }
        }
        return found;
    }

    /** Nothing before the first attempt, then 50 ms doubling up to 3.2 s. */
    private static void pause(int attempt) {
        if (attempt == 1) {
            return;
        }
        try {
            Thread.sleep(Math.min(3_200L, 50L << (attempt - 2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch", e);
        }
    }
}

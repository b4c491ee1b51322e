package dev.penguinmails.testsupport;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Every item of a DynamoDB table, in key order, for asserting that a request wrote nothing (a scan: tests only). */
public final class TableSnapshot {
    private TableSnapshot() { }

    public static List<Map<String, AttributeValue>> of(DynamoDbClient dynamo, String table) {
        return dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build()).items().stream()
                .sorted(Comparator.comparing(TableSnapshot::key))
                .toList();
    }

    private static String key(Map<String, AttributeValue> item) {
        return String.valueOf(item.get("pk")) + '\u0000' + item.get("sk");
    }
}

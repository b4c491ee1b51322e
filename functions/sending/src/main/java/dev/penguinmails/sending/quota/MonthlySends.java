package dev.penguinmails.sending.quota;

import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A workspace's emails sent (places taken) in a UTC calendar month: {@code pk WS#<workspace>#PLAN, sk SENT#<yyyy-MM>},
 * attribute {@code count}, beside the plan copy so that one batched read gets both (decision 0065). A place is taken
 * with a conditional ADD that never lets {@code count} pass the limit, so concurrent sends never overshoot.
 */
@Singleton
public class MonthlySends {
    private final DynamoDbClient dynamo;
    private final String table;

    MonthlySends(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The counter's sort key for the month of {@code at} (UTC). */
    static String sortKey(Instant at) {
        return "SENT#" + YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    static Map<String, AttributeValue> key(TenantContext tenant, Instant at) {
        if (tenant == null) {
            throw new IllegalStateException("a workspace's monthly sends cannot be read or changed without a TenantContext");
        }
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + "PLAN"), "sk", AttributeValue.fromS(sortKey(at)));
    }

    /** Takes one place if fewer than {@code limit} are taken this month; false if none is free. */
    boolean take(TenantContext tenant, Instant at, long limit) {
        if (limit <= 0) {
            return false;
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant, at)).updateExpression("ADD #c :one")
                    .conditionExpression("attribute_not_exists(#c) OR #c < :limit")
                    .expressionAttributeNames(Map.of("#c", "count"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Long.toString(limit)))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    /** Gives back one place taken in the month of {@code at}; a counter already at 0 stays there. */
    void giveBack(TenantContext tenant, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant, at)).updateExpression("ADD #c :minus")
                    .conditionExpression("#c >= :one")
                    .expressionAttributeNames(Map.of("#c", "count"))
                    .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1"), ":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException nothingTaken) {
            // Nothing to give back.
        }
    }

    /** The places taken in the month of {@code at}. */
    long count(TenantContext tenant, Instant at) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, at)).consistentRead(true)).item();
        return item == null || !item.containsKey("count") ? 0 : Long.parseLong(item.get("count").n());
    }
}

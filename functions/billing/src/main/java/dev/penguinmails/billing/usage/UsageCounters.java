package dev.penguinmails.billing.usage;

import dev.penguinmails.billing.catalog.Metric;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The billing table's layout for usage counters: one item per workspace, metric and period
 * ({@code WS#id#BILLING / USAGE#metric#period}), incremented atomically. Mailboxes are not counted up but read
 * from {@link ConnectedMailboxes}, since they come and go.
 */
@Singleton
public class UsageCounters {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ConnectedMailboxes mailboxes;

    UsageCounters(DynamoDbClient dynamo, @Property(name = "penguinmails.tables.billing") String table,
                  ConnectedMailboxes mailboxes) {
        this.dynamo = dynamo;
        this.table = table;
        this.mailboxes = mailboxes;
    }

    /** The counter's key; {@code period} is the period's start, or {@link UsagePeriods#TOTAL} for standing counts. */
    public static Map<String, AttributeValue> key(String workspaceId, Metric metric, String period) {
        return Map.of("pk", AttributeValue.fromS("WS#" + workspaceId + "#BILLING"),
                "sk", AttributeValue.fromS("USAGE#" + metric.wireName() + "#" + period));
    }

    /** Adds {@code delta} atomically; answers the new count. Not for mailboxes ({@link ConnectedMailboxes}). */
    public long add(String workspaceId, Metric metric, String period, long delta) {
        if (metric == Metric.MAILBOXES) {
            throw new IllegalArgumentException("mailboxes are counted from ConnectedMailboxes, not added up");
        }
        AttributeValue used = dynamo.updateItem(r -> r.tableName(table).key(key(workspaceId, metric, period))
                        .updateExpression("ADD used :d SET workspaceId = :w")
                        .expressionAttributeValues(Map.of(
                                ":d", AttributeValue.fromN(Long.toString(delta)),
                                ":w", AttributeValue.fromS(workspaceId)))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes().get("used");
        return Long.parseLong(used.n());
    }

    /** The count of {@code metric} in {@code period}; for mailboxes, those connected now. */
    public long get(String workspaceId, Metric metric, String period) {
        if (metric == Metric.MAILBOXES) {
            return mailboxes.count(workspaceId);
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(key(workspaceId, metric, period)).consistentRead(true)).item();
        return item != null && item.containsKey("used") ? Long.parseLong(item.get("used").n()) : 0L;
    }

    /** Every metric's count: emails in the period starting {@code emailPeriod}, the others as they stand. */
    public Map<Metric, Long> all(String workspaceId, String emailPeriod) {
        Map<Metric, Long> used = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            used.put(m, get(workspaceId, m, m.perPeriod() ? emailPeriod : UsagePeriods.TOTAL));
        }
        return used;
    }
}

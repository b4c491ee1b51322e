package dev.penguinmails.sending.stats;

import dev.penguinmails.events.sending.CampaignSend;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Counter items of a campaign ({@code pk WS#<workspace>#CAMPAIGN#<campaign>#STATS, sk STEP#<step>#VARIANT#<variant>}):
 * one item per (step, variant), each counter an atomic ADD. Step and campaign totals are sums over the partition's
 * few items at read time, so an event is one write and no item is shared by every send of a campaign.
 */
@Singleton
public class CampaignCounters {
    private final DynamoDbClient dynamo;
    private final String table;

    CampaignCounters(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One (step, variant)'s counts, as stored. */
    public record Row(int step, String variantId, Map<Counter, Long> counts) { }

    /** Adds one to {@code counter} of the send's (campaign, step, variant). */
    public void increment(String workspaceId, CampaignSend send, Counter counter) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(partition(workspaceId, send.campaignId())),
                        "sk", AttributeValue.fromS("STEP#%04d#VARIANT#%s".formatted(send.step(), send.variantId()))))
                .updateExpression("ADD #c :one SET #step = :step, #variant = :variant")
                .expressionAttributeNames(Map.of("#c", counter.attribute(), "#step", "step", "#variant", "variantId"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":step", AttributeValue.fromN(Integer.toString(send.step())),
                        ":variant", AttributeValue.fromS(send.variantId()))));
    }

    /** Every (step, variant) of the campaign that has counted anything, by step then variant. */
    public List<Row> rows(String workspaceId, String campaignId) {
        List<Row> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(workspaceId, campaignId))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                Map<Counter, Long> counts = new EnumMap<>(Counter.class);
                for (Counter c : Counter.values()) {
                    AttributeValue v = item.get(c.attribute());
                    counts.put(c, v == null ? 0L : Long.parseLong(v.n()));
                }
                rows.add(new Row(Integer.parseInt(item.get("step").n()), item.get("variantId").s(), counts));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return rows;
    }

    private static String partition(String workspaceId, String campaignId) {
        return "WS#" + workspaceId + "#CAMPAIGN#" + campaignId + "#STATS";
    }
}

package dev.penguinmails.sending.enrolments;

import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which audience chunks of a campaign arrived ({@code pk WS#<workspace>#AUDIENCE, sk <campaign>}): the chunk numbers
 * are ADDed to a number set, which is idempotent, so a redelivered chunk counts once without a condition. Once every
 * chunk arrived, the campaign knows its audience size.
 */
@Singleton
public class AudienceProgress {
    private final DynamoDbClient dynamo;
    private final String table;

    AudienceProgress(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The audience of one campaign as far as its chunks arrived. */
    public record Audience(int chunks, int received, int size) {
        public boolean complete() {
            return received >= chunks;
        }
    }

    public void received(TenantContext tenant, String campaignId, int chunk, int chunks, int size) {
        dynamo.updateItem(r -> r.tableName(table).key(key(tenant, campaignId))
                .updateExpression("SET chunks = :chunks, audienceSize = :size ADD received :chunk")
                .expressionAttributeValues(Map.of(":chunks", AttributeValue.fromN(Integer.toString(chunks)),
                        ":size", AttributeValue.fromN(Integer.toString(size)),
                        ":chunk", AttributeValue.fromNs(List.of(Integer.toString(chunk))))));
    }

    public Optional<Audience> of(TenantContext tenant, String campaignId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(tenant, campaignId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Audience(Integer.parseInt(item.get("chunks").n()), item.get("received").ns().size(),
                Integer.parseInt(item.get("audienceSize").n())));
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, String campaignId) {
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + "AUDIENCE"), "sk", AttributeValue.fromS(campaignId));
    }
}

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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Which audience chunks of a campaign arrived ({@code pk WS#<workspace>#AUDIENCE, sk <campaign>}): the chunk numbers
 * are ADDed to a number set, which is idempotent, so a redelivered chunk counts once without a condition. Once every
 * chunk arrived, the campaign knows its audience size. It also counts, for completion (decision 0066), the enrolments
 * (added with the chunk's number, once per chunk) and the enrolments that ended (once per enrolment leaving
 * {@code active}): once every chunk arrived and as many ended as were enrolled, the campaign is done.
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
    public record Audience(int chunks, int received, int size, long enrolled, long ended) {
        public boolean complete() {
            return received >= chunks;
        }

        /** Every chunk arrived and every enrolment ended: nothing is left to send. */
        public boolean done() {
            return complete() && ended >= enrolled;
        }
    }

    /**
     * Records that {@code chunk} arrived with {@code enrolled} enrolments (new or already there). The chunk number and
     * its enrolments are added in one write, only if the chunk was not counted yet, so a redelivered chunk counts once.
     */
    public void received(TenantContext tenant, String campaignId, int chunk, int chunks, int size, int enrolled) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant, campaignId))
                    .updateExpression("SET chunks = :chunks, audienceSize = :size ADD received :chunk, enrolled :enrolled")
                    .conditionExpression("attribute_not_exists(received) OR NOT contains(received, :number)")
                    .expressionAttributeValues(Map.of(":chunks", AttributeValue.fromN(Integer.toString(chunks)),
                            ":size", AttributeValue.fromN(Integer.toString(size)),
                            ":chunk", AttributeValue.fromNs(List.of(Integer.toString(chunk))),
                            ":number", AttributeValue.fromN(Integer.toString(chunk)),
                            ":enrolled", AttributeValue.fromN(Integer.toString(enrolled)))));
        } catch (ConditionalCheckFailedException counted) {
            // A redelivered chunk: counted the first time.
        }
    }

    /** Counts one enrolment of the campaign that left {@code active}; the audience as it stands after it. */
    public Audience ended(TenantContext tenant, String campaignId) {
        Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(table).key(key(tenant, campaignId))
                .updateExpression("ADD ended :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return read(item);
    }

    public Optional<Audience> of(TenantContext tenant, String campaignId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(tenant, campaignId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(item));
    }

    /** An item without chunks yet (an enrolment ended before its chunk was counted) is not complete. */
    private static Audience read(Map<String, AttributeValue> item) {
        return new Audience(number(item, "chunks", Integer.MAX_VALUE), item.containsKey("received") ? item.get("received").ns().size() : 0,
                number(item, "audienceSize", 0), number(item, "enrolled", 0), number(item, "ended", 0));
    }

    private static int number(Map<String, AttributeValue> item, String name, int absent) {
        return item.containsKey(name) ? Integer.parseInt(item.get(name).n()) : absent;
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, String campaignId) {
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + "AUDIENCE"), "sk", AttributeValue.fromS(campaignId));
    }
}

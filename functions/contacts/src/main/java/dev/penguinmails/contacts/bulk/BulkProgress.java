package dev.penguinmails.contacts.bulk;

import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Adds a chunk's outcome to its operation's counters ({@code pk WS#<ws>#BULKOPS, sk <operation id>}, the item family
 * contacts-query's {@code bulk.BulkStore} creates and shows), unless the chunk was counted already: the test of
 * {@code doneChunks} and the additions are one conditional update, so a redelivered chunk counts once.
 */
@Singleton
class BulkProgress {
    private final DynamoDbClient dynamo;
    private final String table;

    BulkProgress(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** False if the chunk was counted before (or the operation is gone). */
    boolean count(TenantContext tenant, String operationId, int chunk, BulkApplier.Outcome o) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + "BULKOPS"), "sk", AttributeValue.fromS(operationId)))
                    .updateExpression("ADD #p :p, #c :c, #u :u, #f :f, #m :m, doneChunks :cs SET updatedAt = :now")
                    .expressionAttributeNames(Map.of("#p", "processed", "#c", "changed", "#u", "unchanged", "#f", "failed",
                            "#m", "missing"))
                    .conditionExpression("attribute_exists(pk) AND NOT contains(doneChunks, :chunk)")
                    .expressionAttributeValues(Map.of(":p", n(o.processed()), ":c", n(o.changed()),
                            ":u", n(o.unchanged()), ":f", n(o.failed()), ":m", n(o.missing()),
                            ":cs", AttributeValue.fromNs(List.of(Integer.toString(chunk))), ":chunk", n(chunk),
                            ":now", AttributeValue.fromS(Instant.now().toString()))));
            return true;
        } catch (ConditionalCheckFailedException counted) {
            return false;
        }
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

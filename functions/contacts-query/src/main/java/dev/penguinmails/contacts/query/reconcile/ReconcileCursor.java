package dev.penguinmails.contacts.query.reconcile;

import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a reconciliation that ran out of its budget stopped: a workspace and the last contact id it compared, in the
 * contacts table ({@code pk RECONCILE#CONTACTS, sk CURSOR}, no workspace's partition). The next run starts there, so
 * every contact is compared within a bounded number of runs whatever the size of the workspaces.
 */
@Singleton
class ReconcileCursor {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("RECONCILE#CONTACTS"),
            "sk", AttributeValue.fromS("CURSOR"));

    private final DynamoDbClient dynamo;
    private final String table;

    ReconcileCursor(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Optional<Position> load() {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(KEY).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Position(item.get("workspaceId").s(), item.get("afterContactId").s()));
    }

    void save(Position position) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(KEY);
        item.put("workspaceId", AttributeValue.fromS(position.workspaceId()));
        item.put("afterContactId", AttributeValue.fromS(position.afterContactId()));
        item.put("savedAt", AttributeValue.fromS(Instant.now().toString()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    void clear() {
        dynamo.deleteItem(r -> r.tableName(table).key(KEY));
    }

    /** Resume in {@code workspaceId} after {@code afterContactId} (empty: from its first contact). */
    record Position(String workspaceId, String afterContactId) { }
}

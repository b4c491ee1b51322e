package dev.penguinmails.identity.store;

import dev.penguinmails.shared.priming.Primer;

import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.topology.TableSpec;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads one item that never exists from the identity table, which every function reads to authenticate:
 * the first real request then finds the SDK's request path loaded and a connection open. The key lies
 * outside every tenant's key space ({@code WS#...}) and every identity item's.
 */
@Singleton
public class IdentityTablePrimer implements Primer {
    static final String KEY = "#PRIMING";

    private final DynamoDbClient dynamo;
    private final IdentityTable table;

    public IdentityTablePrimer(DynamoDbClient dynamo, IdentityTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public String name() {
        return "identity-table";
    }

    @Override
    public void prime() {
        TableSpec layout = TableSpec.standard("identity");
        dynamo.getItem(b -> b.tableName(table.name()).key(Map.of(
                layout.partitionKey(), AttributeValue.fromS(KEY),
                layout.sortKey(), AttributeValue.fromS(KEY))));
    }
}

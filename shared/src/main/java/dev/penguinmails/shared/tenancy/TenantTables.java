package dev.penguinmails.shared.tenancy;

import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.TableSpec;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Opens {@link TenantTable}s by logical table name, finding the physical name in {@code penguinmails.tables.<name>}. */
@Singleton
public class TenantTables {
    private final DynamoDbClient dynamo;
    private final CursorCodec cursors;
    private final Environment environment;

    public TenantTables(DynamoDbClient dynamo, CursorCodec cursors, Environment environment) {
        this.dynamo = dynamo;
        this.cursors = cursors;
        this.environment = environment;
    }

    /** The table with the standard layout (pk/sk, gsi1, gsi2, expiresAt). */
    public TenantTable table(String logicalName) {
        return table(TableSpec.standard(logicalName));
    }

    public TenantTable table(TableSpec layout) {
        String key = ConfigKeys.table(layout.name());
        String physical = environment.getProperty(key, String.class)
                .orElseThrow(() -> new ConfigurationException(key + " is not set: which table is " + layout.name() + "?"));
        return new TenantTable(dynamo, physical, layout, cursors, Clock.systemUTC());
    }
}

package dev.penguinmails.contacts.segments;

import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.LiveItems;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Saved segments ({@code pk WS#<workspace>#SEGMENTS, sk <segment id>}) in the contacts table, their system of
 * record; the definition is kept as its JSON. Keys come from the {@link TenantContext}. Definitions need no
 * projection: they are compiled on each evaluation against the query model.
 */
@Singleton
public class SegmentStore {
    private static final String PARTITION = "SEGMENTS";
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;
    private final JsonMapper json;

    SegmentStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
                 CursorCodec cursors, JsonMapper json) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
        this.json = json;
    }

    public void put(TenantContext tenant, Segment s) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, s.id()));
        item.put("name", AttributeValue.fromS(s.name()));
        item.put("definition", AttributeValue.fromS(write(s.definition())));
        item.put("status", AttributeValue.fromS("active"));
        item.put("createdAt", AttributeValue.fromS(s.createdAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(s.updatedAt().toString()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    public Optional<Segment> get(TenantContext tenant, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    public Page<Segment> list(TenantContext tenant, PageRequest page) {
        return LiveItems.page(dynamo, table, AttributeValue.fromS(tenant.keyPrefix() + PARTITION),
                "segments|" + tenant.workspaceId(), page, cursors, this::read);
    }

    /** Deletes it; false if there was none. */
    public boolean delete(TenantContext tenant, String id) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(tenant, id)).conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    private Segment read(Map<String, AttributeValue> item) {
        try {
            return new Segment(item.get("sk").s(), item.get("name").s(),
                    json.readValue(item.get("definition").s(), Condition.class),
                    Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Condition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, String id) {
        if (tenant == null) {
            throw new IllegalStateException("segments cannot be read or changed without a TenantContext");
        }
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + PARTITION), "sk", AttributeValue.fromS(id));
    }
}

package dev.penguinmails.contacts.fields;

import dev.penguinmails.contacts.model.FieldDefinition;
import dev.penguinmails.contacts.model.FieldType;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A workspace's custom field definitions ({@code pk WS#<workspace>#CONTACT-FIELDS, sk <name>}), keyed from the
 * {@link TenantContext}. They are few (at most {@code penguinmails.contacts.max-custom-fields}), so a contact
 * write reads them all in one query.
 */
@Singleton
public class FieldStore {
    static final String PARTITION = "CONTACT-FIELDS";

    private final DynamoDbClient dynamo;
    private final String table;

    FieldStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Every definition of the workspace, by name. */
    public Map<String, FieldDefinition> all(TenantContext tenant) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", partition(tenant))))
                .items().forEach(i -> fields.put(i.get("sk").s(), new FieldDefinition(i.get("sk").s(),
                        FieldType.fromWire(i.get("type").s()), Instant.parse(i.get("createdAt").s()))));
        return fields;
    }

    /** Writes {@code field} unless one of that name exists; false if it does. */
    public boolean create(TenantContext tenant, FieldDefinition field) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", partition(tenant),
                            "sk", AttributeValue.fromS(field.name()), "type", AttributeValue.fromS(field.type().wire()),
                            "createdAt", AttributeValue.fromS(field.createdAt().toString())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** Deletes the definition; false if there was none. */
    public boolean delete(TenantContext tenant, String name) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of("pk", partition(tenant), "sk", AttributeValue.fromS(name)))
                    .conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    private static AttributeValue partition(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("contact fields cannot be read or changed without a TenantContext");
        }
        return AttributeValue.fromS(tenant.keyPrefix() + PARTITION);
    }
}

package dev.penguinmails.contacts.segments;

import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The workspace's custom field types (the contacts function's definitions, {@code pk WS#<ws>#CONTACT-FIELDS}, in
 * the family's own table), by which segment rules over custom fields are typed.
 */
@Singleton
public class DeclaredFields {
    private final DynamoDbClient dynamo;
    private final String table;

    DeclaredFields(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Declared name to type ({@code text}, {@code number}, {@code date}, {@code boolean}). */
    public Map<String, String> types(TenantContext tenant) {
        Map<String, String> types = new HashMap<>();
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(tenant.keyPrefix() + "CONTACT-FIELDS"))))
                .items().forEach(i -> types.put(i.get("sk").s(), i.get("type").s()));
        return types;
    }
}

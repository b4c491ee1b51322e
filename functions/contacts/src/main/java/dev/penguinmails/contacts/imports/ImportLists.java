package dev.penguinmails.contacts.imports;

import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The static list an import fills (decision 0041). Lists live in the contacts table as family contacts-query's
 * {@code lists.ListStore} lays them out (the list {@code pk WS#<ws>#LISTS, sk <list id>}; a member
 * {@code pk WS#<ws>#LIST#<list id>, sk <contact id>}); this writes the same items, the list's system of record. Each
 * batch's members are put after the batch's contacts are written and before its checkpoint, so a batch replayed
 * after an interruption puts the same members again, which changes nothing: every contact is in the list once.
 * contacts-query copies the members into its query model when {@code contact.import.completed} names the list.
 */
@Singleton
class ImportLists {
    private static final int BATCH_WRITE = 25;
    private final DynamoDbClient dynamo;
    private final String table;

    ImportLists(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    boolean exists(TenantContext tenant, String listId) {
        if (!Ids.isValid(listId, "lst")) {
            return false;
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(listKey(tenant, listId))
                .consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    /** A new list, as POST .../lists makes one; its id. */
    String create(TenantContext tenant, String name) {
        String id = Ids.newId("lst");
        Map<String, AttributeValue> item = new HashMap<>(listKey(tenant, id));
        item.put("name", AttributeValue.fromS(name));
        item.put("status", AttributeValue.fromS("active"));
        item.put("createdAt", AttributeValue.fromS(Instant.now().toString()));
        dynamo.putItem(r -> r.tableName(table).item(item));
        return id;
    }

    /** Records on the import the list it fills. */
    void attach(TenantContext tenant, String importId, String listId) {
        dynamo.updateItem(r -> r.tableName(table).key(ImportStore.key(tenant, importId))
                .updateExpression("SET listId = :l").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":l", AttributeValue.fromS(listId))));
    }

    /** The list the import fills, if any. */
    Optional<String> of(TenantContext tenant, String importId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(ImportStore.key(tenant, importId))
                .projectionExpression("listId").consistentRead(true)).item();
        return item == null || !item.containsKey("listId") ? Optional.empty() : Optional.of(item.get("listId").s());
    }

    /** Puts the contacts in the list; repeating it changes nothing. */
    void add(TenantContext tenant, String listId, List<String> contactIds) {
        String now = Instant.now().toString();
        List<String> ids = contactIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += BATCH_WRITE) {
            List<WriteRequest> writes = new ArrayList<>();
            for (String contactId : ids.subList(from, Math.min(ids.size(), from + BATCH_WRITE))) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("pk", AttributeValue.fromS(tenant.keyPrefix() + "LIST#" + listId));
                item.put("sk", AttributeValue.fromS(contactId));
                item.put("addedAt", AttributeValue.fromS(now));
                writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            for (int attempt = 0; !pending.isEmpty() && attempt < 8; attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                if (!pending.isEmpty()) {
                    try {
                        Thread.sleep(50L << attempt);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while adding imported contacts to a list", e);
                    }
                }
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException("DynamoDB left list member writes unprocessed after retries");
            }
        }
    }

    private static Map<String, AttributeValue> listKey(TenantContext tenant, String listId) {
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + "LISTS"), "sk", AttributeValue.fromS(listId));
    }
}

package dev.penguinmails.contacts.lists;

import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.LiveItems;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Static lists in the contacts table, their system of record: the list ({@code pk WS#<ws>#LISTS, sk <list id>}) and
 * one item per member ({@code pk WS#<ws>#LIST#<list id>, sk <contact id>}). Keys come from the
 * {@link TenantContext}. Members name contacts by id only, nothing personal.
 */
@Singleton
public class ListStore {
    private static final String LISTS = "LISTS";
    private static final int BATCH_WRITE = 25;
    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    ListStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
              CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    public void put(TenantContext tenant, ContactList list) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, list.id()));
        item.put("name", AttributeValue.fromS(list.name()));
        item.put("status", AttributeValue.fromS("active"));
        item.put("createdAt", AttributeValue.fromS(list.createdAt().toString()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    public Optional<ContactList> get(TenantContext tenant, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    public Page<ContactList> list(TenantContext tenant, PageRequest page) {
        return LiveItems.page(dynamo, table, AttributeValue.fromS(tenant.keyPrefix() + LISTS), "lists|" + tenant.workspaceId(),
                page, cursors, ListStore::read);
    }

    /** Deletes the list, then its members; false if there was none. */
    public boolean delete(TenantContext tenant, String id) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(tenant, id)).conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
        List<String> members = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk").projectionExpression("sk")
                        .expressionAttributeValues(Map.of(":pk", members(tenant, id))))
                .items().forEach(i -> members.add(i.get("sk").s()));
        writeMembers(tenant, id, members, false);
        return true;
    }

    /** Hands each member's contact id to {@code member}, in id order (a query over the list's member partition). */
    public void forEachMember(TenantContext tenant, String listId, java.util.function.Consumer<String> member) {
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk").projectionExpression("sk")
                        .expressionAttributeValues(Map.of(":pk", members(tenant, listId))))
                .items().forEach(i -> member.accept(i.get("sk").s()));
    }

    /** Adds ({@code add}) or removes the contacts as members, in batches; repeating it changes nothing. */
    public void writeMembers(TenantContext tenant, String listId, List<String> contactIds, boolean add) {
        String now = Instant.now().toString();
        for (int from = 0; from < contactIds.size(); from += BATCH_WRITE) {
            List<WriteRequest> writes = new ArrayList<>();
            for (String contactId : contactIds.subList(from, Math.min(contactIds.size(), from + BATCH_WRITE))) {
                Map<String, AttributeValue> key = Map.of("pk", members(tenant, listId), "sk", AttributeValue.fromS(contactId));
                if (add) {
                    Map<String, AttributeValue> item = new HashMap<>(key);
                    item.put("addedAt", AttributeValue.fromS(now));
                    writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
                } else {
                    writes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
                }
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, writes);
            for (int attempt = 0; !pending.isEmpty() && attempt < 8; attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
                if (!pending.isEmpty()) {
                    sleep(50L << attempt);
                }
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException("DynamoDB left list member writes unprocessed after retries");
            }
        }
    }

    /** Of {@code contactIds}, those that are not live contacts of the workspace (read from the system of record). */
    public Set<String> notContacts(TenantContext tenant, List<String> contactIds) {
        Set<String> live = new HashSet<>();
        AttributeValue partition = AttributeValue.fromS(tenant.keyPrefix() + "CONTACTS");
        for (int from = 0; from < contactIds.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = contactIds.subList(from, Math.min(contactIds.size(), from + 100))
                    .stream().distinct().map(id -> Map.of("pk", partition, "sk", AttributeValue.fromS(id))).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).projectionExpression("sk, #s").expressionAttributeNames(Map.of("#s", "status")).build());
            for (int attempt = 0; !pending.isEmpty() && attempt < 8; attempt++) {
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamo.batchGetItem(r -> r.requestItems(request));
                response.responses().getOrDefault(table, List.of()).stream()
                        .filter(i -> !"REMOVED".equals(i.get("status").s())).forEach(i -> live.add(i.get("sk").s()));
                pending = response.unprocessedKeys();
            }
        }
        Set<String> missing = new HashSet<>(contactIds);
        missing.removeAll(live);
        return missing;
    }

    private static ContactList read(Map<String, AttributeValue> item) {
        return new ContactList(item.get("sk").s(), item.get("name").s(), Instant.parse(item.get("createdAt").s()));
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, String id) {
        if (tenant == null) {
            throw new IllegalStateException("lists cannot be read or changed without a TenantContext");
        }
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + LISTS), "sk", AttributeValue.fromS(id));
    }

    private static AttributeValue members(TenantContext tenant, String listId) {
        return AttributeValue.fromS(tenant.keyPrefix() + "LIST#" + listId);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying list member writes", e);
        }
    }
}

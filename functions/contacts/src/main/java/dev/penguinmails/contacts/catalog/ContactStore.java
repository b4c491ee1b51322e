package dev.penguinmails.contacts.catalog;

import dev.penguinmails.contacts.model.Contact;
import dev.penguinmails.events.contacts.EmailHashes;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.outbox.VersionedWrites;
import dev.penguinmails.shared.aws.BatchWrites;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.LiveItems;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Contact items ({@code pk WS#<workspace>#CONTACTS, sk <contact id>}) and the claims that keep an address to one
 * contact per workspace ({@code pk WS#<workspace>#CONTACT-EMAILS, sk <email hash>}, naming the contact; decision
 * 0033). Every key is built from the {@link TenantContext}, so no call can reach another workspace's contacts.
 * Writes are conditional on the version read and carry their events in the item's outbox. A deleted contact
 * leaves a tombstone without any personal field for a week, which owes its {@code contact.deleted}.
 */
@Singleton
public class ContactStore {
    static final String PARTITION = "CONTACTS";
    static final String CLAIMS = "CONTACT-EMAILS";
    static final Duration KEEP_REMOVED = Duration.ofDays(7);
    /** Longer than any request runs (the function's timeout is 30 s). */
    static final Duration CLAIM_GRACE = Duration.ofMinutes(2);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final CursorCodec cursors;

    ContactStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
                 Outbox outbox, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.cursors = cursors;
    }

    /**
     * Claims {@code address} for {@code contactId}; empty if it did, else the id of the contact that has it. A claim
     * left behind is taken over: one whose contact is deleted, or missing for longer than {@link #CLAIM_GRACE} (a
     * create that crashed between its two writes). A younger claim without its contact belongs to a create still
     * under way, and counts as taken.
     */
    public Optional<String> claim(TenantContext tenant, String address, String contactId) {
        return claim(tenant, address, contactId, read(claimKey(tenant, address)));
    }

    /**
     * As {@link #claim(TenantContext, String, String)}, starting from the claim read for it a moment ago by
     * {@link #claims} ({@code read}, null if there was none): the write is conditional on what was read, so a claim
     * made meanwhile is read again, never overwritten.
     */
    public Optional<String> claim(TenantContext tenant, String address, String contactId,
                                  @Nullable Map<String, AttributeValue> read) {
        Map<String, AttributeValue> key = claimKey(tenant, address);
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("contactId", AttributeValue.fromS(contactId));
        item.put("claimedAt", AttributeValue.fromS(Instant.now().toString()));
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, AttributeValue> held = attempt == 0 ? read : read(key);
            if (held != null && (held.get("contactId").s().equals(contactId) || !abandoned(tenant, held))) {
                return Optional.of(held.get("contactId").s()).filter(h -> !h.equals(contactId));
            }
            try {
                if (held == null) {
                    dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                } else {
                    dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("contactId = :stale")
                            .expressionAttributeValues(Map.of(":stale", held.get("contactId"))));
                }
                return Optional.empty();
            } catch (ConditionalCheckFailedException raced) {
                // Another request claimed or released it meanwhile: look again.
            }
        }
        return claimHolder(tenant, address).filter(h -> !h.equals(contactId));
    }

    /**
     * The claims on {@code addresses} (normalised addresses) as they are now, address → claim item, read in
     * BatchGetItem calls of up to 100 keys: an import reads its batch's claims at once.
     */
    public Map<String, Map<String, AttributeValue>> claims(TenantContext tenant, Collection<String> addresses) {
        // Addresses that differ only in case share a claim (its key is the hash of the lower-cased address).
        Map<String, List<String>> byHash = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String address : new LinkedHashSet<>(addresses)) {
            Map<String, AttributeValue> key = claimKey(tenant, address);
            byHash.computeIfAbsent(key.get("sk").s(), h -> {
                keys.add(key);
                return new ArrayList<>();
            }).add(address);
        }
        Map<String, Map<String, AttributeValue>> held = new HashMap<>();
        BatchWrites.getAll(dynamo, table, keys)
                .forEach(item -> byHash.get(item.get("sk").s()).forEach(address -> held.put(address, item)));
        return held;
    }

    /** Whether the claim's contact is deleted, or missing past the grace a create in progress gets. */
    private boolean abandoned(TenantContext tenant, Map<String, AttributeValue> claim) {
        Map<String, AttributeValue> contact = read(key(tenant, claim.get("contactId").s()));
        if (contact != null) {
            return ContactItems.removed(contact);
        }
        AttributeValue claimedAt = claim.get("claimedAt");
        return claimedAt == null || Instant.parse(claimedAt.s()).plus(CLAIM_GRACE).isBefore(Instant.now());
    }

    /** Releases {@code address} if {@code contactId} still holds it. */
    public void release(TenantContext tenant, String address, String contactId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(claimKey(tenant, address)).conditionExpression("contactId = :id")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(contactId))));
        } catch (ConditionalCheckFailedException notHeld) {
            // Taken over, or released before.
        }
    }

    /** Writes a new contact at version 1 with {@code owed}; false if the id exists (it never should). */
    public boolean create(TenantContext tenant, Contact contact, OutboxEntry owed) {
        Map<String, AttributeValue> item = new HashMap<>(ContactItems.write(contact));
        item.putAll(key(tenant, contact.id()));
        item.putAll(owed.attributes());
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
        outbox.deliver(table, key(tenant, contact.id()), owed);
        return true;
    }

    /** Replaces {@code current} with {@code next} if unchanged meanwhile, with {@code owed}; false if it changed. */
    public boolean replace(TenantContext tenant, Contact current, Contact next, OutboxEntry owed) {
        if (!VersionedWrites.replace(dynamo, table, key(tenant, next.id()), ContactItems.write(next),
                ContactItems.OPTIONAL, current.version(), owed)) {
            return false;
        }
        outbox.deliver(table, key(tenant, next.id()), owed);
        return true;
    }

    /**
     * Turns {@code current} into a tombstone at the next version (no personal field left, expiring in a week) that
     * owes {@code owed}; false if it changed meanwhile.
     */
    public boolean delete(TenantContext tenant, Contact current, OutboxEntry owed) {
        Map<String, AttributeValue> tombstone = Map.of(
                "status", AttributeValue.fromS(ContactItems.REMOVED),
                "updatedAt", AttributeValue.fromS(Instant.now().toString()),
                "version", AttributeValue.fromN(Long.toString(current.version() + 1)),
                "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plus(KEEP_REMOVED).getEpochSecond())));
        java.util.List<String> drop = new java.util.ArrayList<>(ContactItems.PERSONAL);
        drop.addAll(ContactItems.OPTIONAL);
        if (!VersionedWrites.replace(dynamo, table, key(tenant, current.id()), tombstone, drop.stream().distinct().toList(),
                current.version(), owed)) {
            return false;
        }
        outbox.deliver(table, key(tenant, current.id()), owed);
        return true;
    }

    /** The workspace's contact of that id, unless deleted. */
    public Optional<Contact> get(TenantContext tenant, String id) {
        return Optional.ofNullable(read(key(tenant, id))).filter(i -> !ContactItems.removed(i)).map(ContactItems::read);
    }

    /** One page of the workspace's contacts, oldest first (ids sort by creation). */
    public Page<Contact> list(TenantContext tenant, PageRequest page) {
        return LiveItems.page(dynamo, table, partition(tenant, PARTITION), "contacts|" + tenant.workspaceId(), page,
                cursors, ContactItems::read);
    }

    /** How many contacts the workspace has (tombstones not counted), counted by the table: nothing personal is read. */
    public long countLive(TenantContext tenant) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                    .filterExpression("#status <> :removed").expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pk", partition(tenant, PARTITION),
                            ":removed", AttributeValue.fromS(ContactItems.REMOVED)))
                    .select(Select.COUNT).consistentRead(true).exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    private Optional<String> claimHolder(TenantContext tenant, String address) {
        return Optional.ofNullable(read(claimKey(tenant, address))).map(i -> i.get("contactId").s());
    }

    private Map<String, AttributeValue> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    static Map<String, AttributeValue> key(TenantContext tenant, String id) {
        return Map.of("pk", partition(tenant, PARTITION), "sk", AttributeValue.fromS(id));
    }

    private static Map<String, AttributeValue> claimKey(TenantContext tenant, String address) {
        return Map.of("pk", partition(tenant, CLAIMS), "sk", AttributeValue.fromS(EmailHashes.of(tenant.workspaceId(), address)));
    }

    private static AttributeValue partition(TenantContext tenant, String kind) {
        if (tenant == null) {
            throw new IllegalStateException("contacts cannot be read or changed without a TenantContext");
        }
        return AttributeValue.fromS(tenant.keyPrefix() + kind);
    }
}

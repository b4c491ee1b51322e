package dev.penguinmails.contacts.suppression;

import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.outbox.VersionedWrites;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.LiveItems;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * A workspace's suppression entries ({@code pk WS#<workspace>#SUPPRESSIONS, sk <entry id>}): the id is the hash of
 * the address or the domain, so an address or domain is one entry per workspace by the key itself, and a check is
 * one batch of key reads. Keys come from the {@link TenantContext}. Writes are conditional on the version read and
 * carry their events; a removed entry stays a week as a tombstone without the address, owing its event, and adding
 * it again continues its versions.
 */
@Singleton
public class SuppressionStore {
    static final String PARTITION = "SUPPRESSIONS";
    static final Duration KEEP_REMOVED = Duration.ofDays(7);
    /** BatchGetItem's limit of keys per call. */
    private static final int BATCH = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final CursorCodec cursors;

    SuppressionStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
                     Outbox outbox, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.cursors = cursors;
    }

    /** The entry of that id and whether it is a tombstone, or empty if there never was one (or it expired). */
    public Optional<Stored> find(TenantContext tenant, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, id))
                .consistentRead(true)).item();
        return Optional.ofNullable(item).filter(i -> !i.isEmpty())
                .map(i -> new Stored(SuppressionItems.removed(i) ? null : SuppressionItems.read(i),
                        Long.parseLong(i.get("version").n())));
    }

    /** An entry as stored: {@code live} null for a tombstone; {@code version} either way. */
    public record Stored(Suppression live, long version) { }

    /**
     * Writes {@code entry} where there was nothing ({@code previousVersion} 0) or a tombstone of that version,
     * with {@code owed}; false if someone else wrote meanwhile.
     */
    public boolean add(TenantContext tenant, Suppression entry, long previousVersion, OutboxEntry owed) {
        Map<String, AttributeValue> key = key(tenant, entry.id());
        if (previousVersion == 0) {
            Map<String, AttributeValue> item = new HashMap<>(SuppressionItems.write(entry));
            item.putAll(key);
            item.putAll(owed.attributes());
            try {
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } catch (ConditionalCheckFailedException exists) {
                return false;
            }
        } else if (!VersionedWrites.replace(dynamo, table, key, SuppressionItems.write(entry), SuppressionItems.OPTIONAL,
                previousVersion, owed)) {
            return false;
        }
        outbox.deliver(table, key, owed);
        return true;
    }

    /** Turns {@code current} into a tombstone one version later, without its address, owing {@code owed}. */
    public boolean remove(TenantContext tenant, Suppression current, OutboxEntry owed) {
        Map<String, AttributeValue> tombstone = new HashMap<>();
        tombstone.put("status", AttributeValue.fromS(SuppressionItems.REMOVED));
        tombstone.put("version", AttributeValue.fromN(Long.toString(current.version() + 1)));
        tombstone.put("expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plus(KEEP_REMOVED).getEpochSecond())));
        if (!VersionedWrites.replace(dynamo, table, key(tenant, current.id()), tombstone, SuppressionItems.OPTIONAL,
                current.version(), owed)) {
            return false;
        }
        outbox.deliver(table, key(tenant, current.id()), owed);
        return true;
    }

    /** The live entries among {@code ids}, in batches of consistent reads (one for any usual address). */
    public List<Suppression> live(TenantContext tenant, List<String> ids) {
        List<String> distinct = ids.stream().distinct().toList();
        List<Suppression> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            found.addAll(liveBatch(tenant, distinct.subList(from, Math.min(distinct.size(), from + BATCH))));
        }
        return found;
    }

    private List<Suppression> liveBatch(TenantContext tenant, List<String> ids) {
        List<Suppression> found = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(ids.stream().map(id -> key(tenant, id)).toList()).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> ask = request;
            var response = dynamo.batchGetItem(r -> r.requestItems(ask));
            response.responses().getOrDefault(table, List.of()).stream()
                    .filter(i -> !SuppressionItems.removed(i)).map(SuppressionItems::read).forEach(found::add);
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }

    /** One page of the workspace's live entries: domains by name, then addresses by hash. */
    public Page<Suppression> list(TenantContext tenant, PageRequest page) {
        return LiveItems.page(dynamo, table, partition(tenant), "suppressions|" + tenant.workspaceId(), page, cursors,
                SuppressionItems::read);
    }

    /**
     * Every live entry of the workspace, in the listing's order, handed to {@code sink} a query page (up to 1 MB)
     * at a time: for exports, which read the whole list.
     */
    public void forEachLive(TenantContext tenant, java.util.function.Consumer<Suppression> sink) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(r -> {
                r.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", partition(tenant)));
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            page.items().stream().filter(i -> !SuppressionItems.removed(i)).map(SuppressionItems::read).forEach(sink);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    static Map<String, AttributeValue> key(TenantContext tenant, String id) {
        return Map.of("pk", partition(tenant), "sk", AttributeValue.fromS(id));
    }

    private static AttributeValue partition(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("suppressions cannot be read or changed without a TenantContext");
        }
        return AttributeValue.fromS(tenant.keyPrefix() + PARTITION);
    }
}

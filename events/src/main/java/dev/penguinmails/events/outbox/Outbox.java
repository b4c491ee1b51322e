package dev.penguinmails.events.outbox;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.publish.EncodedEvent;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.topology.TableSpec;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The transactional outbox: what a committed change owes (events, audit items) travels on the changed
 * item as an {@link OutboxEntry}, written in the same request as the change. Right after the commit the
 * service calls {@link #deliver}: it publishes and writes what the entry owes, then clears it. If that
 * fails the request still succeeds; the {@link OutboxRelay} delivers what is left. Delivery is at least
 * once: consumers de-duplicate on the event id, and owed items have fixed keys.
 */
@Singleton
public class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private final EventPublisher publisher;
    private final DynamoDbClient dynamo;

    public Outbox(EventPublisher publisher, DynamoDbClient dynamo) {
        this.publisher = publisher;
        this.dynamo = dynamo;
    }

    /** A new, empty set of things a change owes; encoding checks each event's schema before anything is written. */
    public Builder entry() {
        return new Builder();
    }

    /**
     * Adds {@code entry} to an existing item, for changes whose only effect is what they owe (e.g. a
     * request to mail a link): the item then carries it until delivered.
     *
     * @return false if there is no such item (nothing was written)
     */
    public boolean stage(String table, Map<String, AttributeValue> key, OutboxEntry entry) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression(entry.updateExpression(""))
                    .conditionExpression("attribute_exists(#obxKey)")
                    .expressionAttributeNames(entry.names(Map.of("#obxKey", key.keySet().iterator().next())))
                    .expressionAttributeValues(entry.values(Map.of())));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    /**
     * Delivers {@code entry}, which the item at {@code key} carries, and clears it. Never throws: whatever
     * fails stays on the item for the relay, and the change it belongs to has committed already.
     *
     * @return whether it was delivered now
     */
    public boolean deliver(String table, Map<String, AttributeValue> key, OutboxEntry entry) {
        try {
            send(table, entry);
            clear(table, key, entry.id());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Outbox entry {} on {} not delivered yet, the relay will retry: {}", entry.id(), table, e.toString());
            return false;
        }
    }

    /**
     * Delivers {@code entry} once without an item to keep it, for the rare change whose carrier item is
     * gone; never throws, and what fails is lost, so callers stage whenever they can.
     */
    public void deliverUnstaged(String table, OutboxEntry entry) {
        try {
            send(table, entry);
        } catch (RuntimeException e) {
            LOG.error("Outbox entry {} had no item to wait on and could not be delivered: {}", entry.id(), e.toString());
        }
    }

    /**
     * Writes the entry's items (an item that exists already is left as is), then publishes its events:
     * items first, so an audit entry is in place even while the bus is down.
     */
    void send(String table, OutboxEntry entry) {
        writeOwedItems(table, entry);
        if (!entry.events().isEmpty()) {
            publisher.publishEncoded(entry.events());
        }
    }

    /** Writes the items {@code entry} owes; one written by an earlier attempt is left as it is. */
    private void writeOwedItems(String table, OutboxEntry entry) {
        for (Map<String, AttributeValue> item : entry.puts()) {
            String partitionKey = item.containsKey("pk") ? "pk" : item.keySet().iterator().next();
            try {
                dynamo.putItem(r -> r.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", partitionKey)));
            } catch (ConditionalCheckFailedException writtenBefore) {
                // An earlier attempt wrote it: the item has a fixed key and the same content.
            }
        }
    }

    /** Removes entry {@code entryId} from the item, and the item from the sparse index once nothing is pending. */
    void clear(String table, Map<String, AttributeValue> key, String entryId) {
        Map<String, String> names = Map.of("#entry", OutboxEntry.ENTRY_PREFIX + entryId, "#ids", OutboxEntry.PENDING_IDS,
                "#pk", TableSpec.OUTBOX_INDEX.partitionKey(), "#sk", TableSpec.OUTBOX_INDEX.sortKey());
        try {
            // The usual case, one pending entry: one request takes the item out of the index too.
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("REMOVE #entry, #ids, #pk, #sk")
                    .conditionExpression("contains(#ids, :id) AND size(#ids) = :one")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(entryId), ":one", AttributeValue.fromN("1"))));
            return;
        } catch (ConditionalCheckFailedException othersPending) {
            // Several pending, or cleared already: remove only this one.
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("REMOVE #entry DELETE #ids :ids")
                    .conditionExpression("contains(#ids, :id)")
                    .expressionAttributeNames(Map.of("#entry", OutboxEntry.ENTRY_PREFIX + entryId, "#ids", OutboxEntry.PENDING_IDS))
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(entryId),
                            ":ids", AttributeValue.fromSs(List.of(entryId)))));
        } catch (ConditionalCheckFailedException clearedBefore) {
            // Another delivery cleared it.
        }
        unindexIfEmpty(table, key);
    }

    /** Takes the item out of the sparse index if it owes nothing any more (a writer may have added an entry since). */
    void unindexIfEmpty(String table, Map<String, AttributeValue> key) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("REMOVE #pk, #sk")
                    .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#ids)")
                    .expressionAttributeNames(Map.of("#pk", TableSpec.OUTBOX_INDEX.partitionKey(), "#sk", TableSpec.OUTBOX_INDEX.sortKey(), "#ids", OutboxEntry.PENDING_IDS)));
        } catch (ConditionalCheckFailedException stillPendingOrGone) {
            // Still owes something, or is not indexed (or no longer exists): nothing to do.
        }
    }

    /** The entries still pending on {@code item} (e.g. one just deleted, whose entries must move elsewhere). */
    public List<OutboxEntry> pendingOn(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(OutboxEntry.PENDING_IDS) || !item.get(OutboxEntry.PENDING_IDS).hasSs()) {
            return List.of();
        }
        return item.get(OutboxEntry.PENDING_IDS).ss().stream()
                .map(id -> item.get(OutboxEntry.ENTRY_PREFIX + id))
                .filter(Objects::nonNull)
                .map(OutboxCodec::fromAttribute)
                .toList();
    }

    /** Collects the events and items one change owes. */
    public final class Builder {
        private final List<EncodedEvent> events = new ArrayList<>();
        private final List<Map<String, AttributeValue>> puts = new ArrayList<>();

        private Builder() { }

        /** Owes {@code event}; it is encoded and checked against its schema now, before anything is written. */
        public Builder event(DomainEvent<?> event) {
            events.add(publisher.encode(event));
            return this;
        }

        /** Owes the write of {@code item} (keys included) to the same table; it must have a fixed key. */
        public Builder put(Map<String, AttributeValue> item) {
            puts.add(Map.copyOf(item));
            return this;
        }

        public OutboxEntry build() {
            return OutboxEntry.of(events, puts);
        }
    }
}

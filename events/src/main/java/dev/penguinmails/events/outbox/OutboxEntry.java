package dev.penguinmails.events.outbox;

import dev.penguinmails.events.publish.EncodedEvent;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.topology.TableSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one committed change still owes the world: events to publish and items to write (audit entries),
 * kept on the changed item itself until delivered. A store writes it with the change, in the same
 * PutItem ({@link #attributes()}) or UpdateItem ({@link #updateExpression}, {@link #names}, {@link #values});
 * then {@link Outbox#deliver} sends it and clears it, and the {@link OutboxRelay} retries what is left.
 *
 * <p>On the item: {@code outbox_<id>} holds the entry, the string set {@code outboxIds} names the pending
 * entries, and {@code outboxpk}/{@code outboxsk} put the item into the sparse {@link TableSpec#OUTBOX_INDEX}.
 *
 * @param puts whole items, keys included, written to the same table; each must be the same on every
 *             attempt (fixed ids), since delivery may repeat
 */
public record OutboxEntry(String id, Instant createdAt, List<EncodedEvent> events, List<Map<String, AttributeValue>> puts) {
    static final String PENDING_IDS = "outboxIds";
    static final String ENTRY_PREFIX = "outbox_";
    /** The one partition of the sparse index; it holds only items with something undelivered, normally none. */
    static final String INDEX_PARTITION = "OUTBOX";

    private static final Pattern SET_CLAUSE = Pattern.compile("(?i)^\\s*SET\\s+|\\s+SET\\s+");
    private static final Pattern ADD_CLAUSE = Pattern.compile("(?i)^\\s*ADD\\s+|\\s+ADD\\s+");

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        events = List.copyOf(events);
        puts = List.copyOf(puts);
        if (events.isEmpty() && puts.isEmpty()) {
            throw new IllegalArgumentException("an outbox entry owes at least one event or item");
        }
    }

    /** A new entry, with a fresh time-sortable id. */
    public static OutboxEntry of(List<EncodedEvent> events, List<Map<String, AttributeValue>> puts) {
        return new OutboxEntry(Ids.newId("obx"), Instant.now(), events, puts);
    }

    /** The name of the attribute that holds this entry on the changed item. */
    public String attributeName() {
        return ENTRY_PREFIX + id;
    }

    /** The attributes to add to a new item written with PutItem. */
    public Map<String, AttributeValue> attributes() {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(attributeName(), OutboxCodec.toAttribute(this));
        attributes.put(PENDING_IDS, AttributeValue.fromSs(List.of(id)));
        attributes.put(TableSpec.OUTBOX_INDEX.partitionKey(), AttributeValue.fromS(INDEX_PARTITION));
        attributes.put(TableSpec.OUTBOX_INDEX.sortKey(), AttributeValue.fromS(indexSortKey()));
        return attributes;
    }

    /**
     * {@code expression} (an UpdateItem expression, possibly empty) extended to also store this entry.
     * The index sort key keeps the time of the oldest pending entry, so the relay sweeps oldest first.
     */
    public String updateExpression(String expression) {
        String sets = "#obxEntry = :obxEntry, #obxPk = :obxPk, #obxSk = if_not_exists(#obxSk, :obxSk)";
        String base = expression == null ? "" : expression.strip();
        Matcher set = SET_CLAUSE.matcher(base);
        String withSet = set.find()
                ? base.substring(0, set.end()) + sets + ", " + base.substring(set.end())
                : ("SET " + sets + " " + base).strip();
        Matcher add = ADD_CLAUSE.matcher(withSet);
        return add.find()
                ? withSet.substring(0, add.end()) + "#obxIds :obxIds, " + withSet.substring(add.end())
                : withSet + " ADD #obxIds :obxIds";
    }

    /** {@code names} plus the attribute names {@link #updateExpression} uses. */
    public Map<String, String> names(Map<String, String> names) {
        Map<String, String> all = new HashMap<>(names == null ? Map.of() : names);
        all.put("#obxEntry", attributeName());
        all.put("#obxPk", TableSpec.OUTBOX_INDEX.partitionKey());
        all.put("#obxSk", TableSpec.OUTBOX_INDEX.sortKey());
        all.put("#obxIds", PENDING_IDS);
        return all;
    }

    /** {@code values} plus the attribute values {@link #updateExpression} uses. */
    public Map<String, AttributeValue> values(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values == null ? Map.of() : values);
        all.put(":obxEntry", OutboxCodec.toAttribute(this));
        all.put(":obxPk", AttributeValue.fromS(INDEX_PARTITION));
        all.put(":obxSk", AttributeValue.fromS(indexSortKey()));
        all.put(":obxIds", AttributeValue.fromSs(List.of(id)));
        return all;
    }

    private String indexSortKey() {
        return createdAt + "#" + id;
    }
}

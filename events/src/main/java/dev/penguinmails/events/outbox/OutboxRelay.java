package dev.penguinmails.events.outbox;

import dev.penguinmails.topology.TableSpec;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Delivers outbox entries that the request which wrote them could not: sweeps the sparse
 * {@link TableSpec#OUTBOX_INDEX} oldest first, re-reads each item, and delivers and clears every pending
 * entry. Entries younger than {@code penguinmails.outbox.relay.min-age} (default 30s; {@link OutboxRelaySettings})
 * are left to the request that is probably still delivering them, so that the usual path publishes once.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int PAGE = 25;

    private final Outbox outbox;
    private final DynamoDbClient dynamo;
    private final Duration minAge;
    private final Clock clock = Clock.systemUTC();

    public OutboxRelay(Outbox outbox, DynamoDbClient dynamo,
                       OutboxRelaySettings settings) {
        this.outbox = outbox;
        this.dynamo = dynamo;
        this.minAge = settings.minAge();
    }

    /** What one sweep did; a scheduled job's answer, which the Lambda runtime serializes. */
    @Serdeable
    public record Summary(int delivered, int failed, boolean finished) { }

    /** Sweeps {@code table} (of {@code layout}) until nothing old enough is pending or {@code stop} says so. */
    public Summary relay(String table, TableSpec layout, BooleanSupplier stop) {
        String cutoff = clock.instant().minus(minAge).toString() + "#~";
        Map<String, AttributeValue> start = null;
        int delivered = 0;
        int failed = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).indexName(TableSpec.OUTBOX_INDEX.name())
                    .keyConditionExpression("#pk = :p AND #sk <= :cutoff")
                    .expressionAttributeNames(Map.of("#pk", TableSpec.OUTBOX_INDEX.partitionKey(),
                            "#sk", TableSpec.OUTBOX_INDEX.sortKey()))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(OutboxEntry.INDEX_PARTITION),
                            ":cutoff", AttributeValue.fromS(cutoff)))
                    .limit(PAGE)
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> indexed : page.items()) {
                if (stop.getAsBoolean()) {
                    return new Summary(delivered, failed, false);
                }
                Map<String, AttributeValue> key = Map.of(layout.partitionKey(), indexed.get(layout.partitionKey()),
                        layout.sortKey(), indexed.get(layout.sortKey()));
                int[] outcome = relayItem(table, key);
                delivered += outcome[0];
                failed += outcome[1];
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        if (delivered + failed > 0) {
            LOG.info("Outbox relay on {}: {} entries delivered, {} still failing", table, delivered, failed);
        }
        return new Summary(delivered, failed, true);
    }

    /** Delivers every entry pending on one item; returns {delivered, failed}. */
    private int[] relayItem(String table, Map<String, AttributeValue> key) {
        // The index is eventually consistent: the item itself says what is still pending.
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new int[] {0, 0};
        }
        AttributeValue ids = item.get(OutboxEntry.PENDING_IDS);
        List<String> pending = ids == null || !ids.hasSs() ? List.of() : ids.ss();
        if (pending.isEmpty()) {
            outbox.unindexIfEmpty(table, key);
            return new int[] {0, 0};
        }
        int delivered = 0;
        int failed = 0;
        for (String id : pending) {
            AttributeValue stored = item.get(OutboxEntry.ENTRY_PREFIX + id);
            if (stored == null) {
                LOG.error("Outbox entry {} is listed on {} {} but missing; dropping the reference", id, table, new HashMap<>(key));
                outbox.clear(table, key, id);
                continue;
            }
            if (outbox.deliver(table, key, OutboxCodec.fromAttribute(stored))) {
                delivered++;
            } else {
                failed++;
            }
        }
        return new int[] {delivered, failed};
    }
}

package dev.penguinmails.sending.scheduling;

import dev.penguinmails.shared.aws.BatchWrites;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Which (enrolment, step) is due when, across workspaces, so that a tick reads only what is due and never scans:
 * one partition per hour of due time ({@code pk DUE#<yyyy-MM-ddTHH>}), sorted by due time
 * ({@code sk <due instant>#<workspace>#<enrolment>#<step>}). A tick queries the hours from {@link #LOOKBACK} ago to
 * now, up to now. The items hold ids only; what is due is then read from the workspace's own keys (decision 0053).
 * An item is written again with the same key on every retry, so writing is idempotent.
 */
@Singleton
public class DueIndex {
    /** How far back a tick looks for items a failed tick left behind. */
    public static final Duration LOOKBACK = Duration.ofHours(24);
    /** Hour partitions older than {@link #LOOKBACK} that the sweep brings back: 360 hours, 15 days. */
    static final int SWEEP_HOURS = 360;
    /** Of those, the ones one tick sweeps: with a tick a minute, every one of them is swept each hour. */
    static final int SWEEP_HOURS_PER_TICK = SWEEP_HOURS / 60;
    /** Fixed width, so that text order is time order (Instant.toString drops zero fractions). */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    DueIndex(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One due (enrolment, step). */
    public record Due(String workspaceId, String enrolmentId, int step, Instant dueAt) {
        Map<String, AttributeValue> key() {
            return Map.of("pk", AttributeValue.fromS("DUE#" + HOUR.format(dueAt)),
                    "sk", AttributeValue.fromS(STAMP.format(dueAt) + "#" + workspaceId + "#" + enrolmentId + "#" + step));
        }
    }

    public void put(Due due) {
        dynamo.putItem(r -> r.tableName(table).item(item(due)));
    }

    /** Writes the items 25 to a BatchWriteItem call, retrying what DynamoDB leaves unprocessed. */
    public void putAll(Collection<Due> items) {
        BatchWrites.writeAll(dynamo, table, items.stream().map(d -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item(d)).build()).build()).toList());
    }

    private static Map<String, AttributeValue> item(Due due) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(due.key());
        item.put("workspaceId", AttributeValue.fromS(due.workspaceId()));
        item.put("enrolmentId", AttributeValue.fromS(due.enrolmentId()));
        item.put("step", AttributeValue.fromN(Integer.toString(due.step())));
        item.put("dueAt", AttributeValue.fromS(due.dueAt().toString()));
        return item;
    }

    public void delete(Due due) {
        dynamo.deleteItem(r -> r.tableName(table).key(due.key()));
    }

    /** Deletes the items 25 to a BatchWriteItem call, retrying what DynamoDB leaves unprocessed. */
    public void deleteAll(List<Due> items) {
        BatchWrites.writeAll(dynamo, table, items.stream().map(d -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(d.key()).build()).build()).toList());
    }

    /** Moves a due item to a later time (a closed window, a reached cap, a paused campaign). */
    public void postpone(Due due, Instant to) {
        put(new Due(due.workspaceId(), due.enrolmentId(), due.step(), to));
        delete(due);
    }

    /**
     * Moves items older than {@link #LOOKBACK} (left by ticks that could not run for a day: an outage, a stuck
     * deployment) to {@code now}, so that the tick finds them again; a due item is never forgotten within 15 days.
     * Each call sweeps the {@link #SWEEP_HOURS_PER_TICK} old hour partitions the minute of {@code now} names, at most
     * {@code limit} items; the items moved.
     */
    public int sweepStale(Instant now, int limit) {
        Instant newestStale = now.minus(LOOKBACK).truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        int first = now.atZone(ZoneOffset.UTC).getMinute() * SWEEP_HOURS_PER_TICK;
        int moved = 0;
        for (int k = first; k < first + SWEEP_HOURS_PER_TICK && moved < limit; k++) {
            for (Due stale : inHour(newestStale.minus(Duration.ofHours(k)), STAMP.format(now) + "#~", limit - moved)) {
                postpone(stale, now);
                moved++;
            }
        }
        return moved;
    }

    /** Everything due at or before {@code now}, oldest first, at most {@code limit} items. */
    public List<Due> due(Instant now, int limit) {
        List<Due> found = new ArrayList<>();
        String upTo = STAMP.format(now) + "#~";
        for (Instant hour = now.minus(LOOKBACK).truncatedTo(ChronoUnit.HOURS); !hour.isAfter(now) && found.size() < limit;
             hour = hour.plus(Duration.ofHours(1))) {
            found.addAll(inHour(hour, upTo, limit - found.size()));
        }
        return found;
    }

    /** The items of one hour partition up to the sort key {@code upTo}, oldest first, at most {@code limit}. */
    private List<Due> inHour(Instant hour, String upTo, int limit) {
        List<Due> found = new ArrayList<>();
        String partition = "DUE#" + HOUR.format(hour);
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND sk <= :upTo")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition), ":upTo", AttributeValue.fromS(upTo)))
                    .limit(Math.max(1, limit - found.size()))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                found.add(new Due(item.get("workspaceId").s(), item.get("enrolmentId").s(),
                        Integer.parseInt(item.get("step").n()), Instant.parse(item.get("dueAt").s())));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }
}

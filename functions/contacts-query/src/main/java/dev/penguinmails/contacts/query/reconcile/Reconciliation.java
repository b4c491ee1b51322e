package dev.penguinmails.contacts.query.reconcile;

import dev.penguinmails.contacts.audiences.AudienceSnapshots;
import dev.penguinmails.contacts.query.ContactRows;
import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.contacts.query.reconcile.ReconcileCursor.Position;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Compares the contacts table (the system of record) with the query model by contact id and version, and repairs
 * the model: a contact it lacks is added (missing), one it holds at another version is rewritten (stale), and a row
 * whose contact is gone or deleted becomes a tombstone (extra). Events lost, poisoned into the dead-letter queue or
 * applied to a restored database all end up repaired here.
 * <p>
 * A workspace is walked in pages of the contacts table, each compared with the same id range of the model, so memory
 * stays one page whatever its size; a run that uses up its budget records where it stopped and the next run resumes
 * there. Workspaces are found without scanning the table: those the model holds, and those whose contact counter the
 * contacts function registered (the sparse {@code gsi1} entries {@code CONTACT-COUNTS}).
 */
@Singleton
public class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final String CONTACTS_PARTITION = "#CONTACTS";
    /** The contacts function's counter items carry this in {@code gsi1pk} and their workspace in {@code gsi1sk}. */
    static final String COUNTERS_REGISTRY = "CONTACT-COUNTS";

    private final DynamoDbClient dynamo;
    private final String table;
    private final QueryModel model;
    private final ContactRows rows;
    private final AudienceSnapshots snapshots;
    private final ReconcileCursor cursor;
    private final ReconcileSettings settings;

    Reconciliation(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
                   QueryModel model, ContactRows rows, AudienceSnapshots snapshots, ReconcileCursor cursor,
                   ReconcileSettings settings) {
        this.dynamo = dynamo;
        this.table = table;
        this.model = model;
        this.rows = rows;
        this.snapshots = snapshots;
        this.cursor = cursor;
        this.settings = settings;
    }

    /** Every workspace that has contacts in either store, from where the last run stopped, within the budget. */
    public Summary run() {
        Instant deadline = Instant.now().plus(settings.budget());
        Optional<Position> from = cursor.load();
        Summary total = Summary.NONE;
        for (String ws : workspaces()) {
            if (from.isPresent() && ws.compareTo(from.get().workspaceId()) < 0) {
                continue;
            }
            String after = from.filter(p -> p.workspaceId().equals(ws)).map(Position::afterContactId).orElse("");
            Walk walk = walk(ws, after, deadline);
            total = total.plus(walk.summary());
            if (walk.stoppedAfter() != null) {
                cursor.save(new Position(ws, walk.stoppedAfter()));
                total = total.resumingAt(ws);
                LOG.info("reconciliation out of budget in {} after {}; the next run resumes there: {}", ws,
                        walk.stoppedAfter(), total);
                return total;
            }
            total = total.plus(new Summary(0, 0, 0, 0, 0, snapshots.prune(ws, Instant.now()), null));
        }
        cursor.clear();
        LOG.info("reconciled the contacts query model: {}", total);
        return total;
    }

    /** One whole workspace, without a budget: read both sides page by page, repair the model. */
    public Summary workspace(String workspaceId) {
        return walk(workspaceId, "", Instant.MAX).summary();
    }

    private SortedSet<String> workspaces() {
        SortedSet<String> workspaces = new TreeSet<>(model.workspaces());
        dynamo.queryPaginator(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :registry")
                        .expressionAttributeValues(Map.of(":registry", AttributeValue.fromS(COUNTERS_REGISTRY))))
                .items().forEach(i -> workspaces.add(i.get("gsi1sk").s()));
        return workspaces;
    }

    // Pages of the workspace's contact items after `after`; the first page is always compared, so every run moves on.
    private Walk walk(String workspaceId, String after, Instant deadline) {
        String pk = "WS#" + workspaceId + CONTACTS_PARTITION;
        Map<String, AttributeValue> start = after.isEmpty() ? null
                : Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(after));
        String from = after;
        Summary summary = new Summary(1, 0, 0, 0, 0, 0, null);
        while (true) {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                    .limit(settings.pageSize()).exclusiveStartKey(exclusiveStart)
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))));
            boolean last = !page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty();
            String upTo = last ? null : page.lastEvaluatedKey().get("sk").s();
            String lower = from;
            summary = summary.plus(model.inWorkspace(workspaceId, c -> compare(c, page.items(), lower, upTo)));
            if (last) {
                return new Walk(summary, null);
            }
            from = upTo;
            start = page.lastEvaluatedKey();
            if (Instant.now().isAfter(deadline)) {
                return new Walk(summary, upTo);
            }
        }
    }

    private Summary compare(Connection c, List<Map<String, AttributeValue>> items, String after, String upTo)
            throws SQLException {
        Map<String, Map<String, AttributeValue>> recorded = new LinkedHashMap<>();
        items.forEach(i -> recorded.put(i.get("sk").s(), i));
        Map<String, ContactRows.Held> held = rows.versions(c, after, upTo);
        int missing = 0;
        int stale = 0;
        int extra = 0;
        for (Map.Entry<String, Map<String, AttributeValue>> e : recorded.entrySet()) {
            Map<String, AttributeValue> item = e.getValue();
            ContactRows.Held row = held.get(e.getKey());
            long version = ContactItemReader.version(item);
            if (ContactItemReader.removed(item)) {
                if (row != null && !row.deleted()) {
                    rows.tombstone(c, e.getKey(), Math.max(version, row.version()));
                    extra++;
                }
            } else if (row == null) {
                rows.overwrite(c, ContactItemReader.row(item));
                missing++;
            } else if (row.version() != version || row.deleted()) {
                rows.overwrite(c, ContactItemReader.row(item));
                stale++;
            }
        }
        for (Map.Entry<String, ContactRows.Held> e : held.entrySet()) {
            if (!recorded.containsKey(e.getKey()) && !e.getValue().deleted()) {
                rows.tombstone(c, e.getKey(), e.getValue().version());
                extra++;
            }
        }
        return new Summary(0, recorded.size(), missing, stale, extra, 0, null);
    }

    /** A walk's repairs, and the last contact id it compared when it stopped for the budget (null: it finished). */
    private record Walk(Summary summary, String stoppedAfter) { }

    /**
     * What a run compared and repaired, the audience snapshot entries it pruned, and the workspace where the next run
     * resumes when this one ran out of budget (null when it finished).
     */
    @Serdeable
    public record Summary(int workspaces, int checked, int missing, int stale, int extra, int snapshotsPruned,
                          @Nullable String resumeAt) {
        static final Summary NONE = new Summary(0, 0, 0, 0, 0, 0, null);

        Summary plus(Summary o) {
            return new Summary(workspaces + o.workspaces, checked + o.checked, missing + o.missing, stale + o.stale,
                    extra + o.extra, snapshotsPruned + o.snapshotsPruned, resumeAt);
        }

        Summary resumingAt(String workspaceId) {
            return new Summary(workspaces, checked, missing, stale, extra, snapshotsPruned, workspaceId);
        }
    }
}

package dev.penguinmails.contacts.query.reconcile;

import dev.penguinmails.contacts.audiences.AudienceSnapshots;
import dev.penguinmails.contacts.query.ContactRow;
import dev.penguinmails.contacts.query.ContactRows;
import dev.penguinmails.contacts.query.QueryModel;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compares the contacts table (the system of record) with the query model by contact id and version, and repairs
 * the model: a contact it lacks is added (missing), one it holds at another version is rewritten (stale), and a row
 * whose contact is gone or deleted becomes a tombstone (extra). Events lost, poisoned into the dead-letter queue or
 * applied to a restored database all end up repaired here.
 */
@Singleton
public class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final String CONTACTS_PARTITION = "#CONTACTS";

    private final DynamoDbClient dynamo;
    private final String table;
    private final QueryModel model;
    private final ContactRows rows;
    private final AudienceSnapshots snapshots;

    Reconciliation(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
                   QueryModel model, ContactRows rows, AudienceSnapshots snapshots) {
        this.dynamo = dynamo;
        this.table = table;
        this.model = model;
        this.rows = rows;
        this.snapshots = snapshots;
    }

    /** Every workspace that has contacts in either store. */
    public Summary run() {
        Set<String> workspaces = new TreeSet<>(model.workspaces());
        dynamo.scanPaginator(r -> r.tableName(table).projectionExpression("pk")
                        .filterExpression("begins_with(pk, :ws) AND contains(pk, :contacts)")
                        .expressionAttributeValues(Map.of(":ws", AttributeValue.fromS("WS#"),
                                ":contacts", AttributeValue.fromS(CONTACTS_PARTITION))))
                .items().forEach(i -> {
                    String pk = i.get("pk").s();
                    if (pk.endsWith(CONTACTS_PARTITION)) {
                        workspaces.add(pk.substring(3, pk.length() - CONTACTS_PARTITION.length()));
                    }
                });
        Summary total = new Summary(0, 0, 0, 0, 0, 0);
        Instant now = Instant.now();
        for (String ws : workspaces) {
            total = total.plus(workspace(ws)).plus(new Summary(0, 0, 0, 0, 0, snapshots.prune(ws, now)));
        }
        LOG.info("reconciled the contacts query model: {}", total);
        return total;
    }

    /** One workspace: read both sides, repair the model. */
    public Summary workspace(String workspaceId) {
        Map<String, Map<String, AttributeValue>> recorded = new HashMap<>();
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("WS#" + workspaceId + CONTACTS_PARTITION))))
                .items().forEach(i -> recorded.put(i.get("sk").s(), i));
        return model.inWorkspace(workspaceId, c -> {
            Map<String, ContactRows.Held> held = rows.versions(c);
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
            return new Summary(1, recorded.size(), missing, stale, extra, 0);
        });
    }

    /** What a run compared and repaired, and the audience snapshot entries it pruned. */
    @Serdeable
    public record Summary(int workspaces, int checked, int missing, int stale, int extra, int snapshotsPruned) {
        Summary plus(Summary o) {
            return new Summary(workspaces + o.workspaces, checked + o.checked, missing + o.missing, stale + o.stale,
                    extra + o.extra, snapshotsPruned + o.snapshotsPruned);
        }
    }
}

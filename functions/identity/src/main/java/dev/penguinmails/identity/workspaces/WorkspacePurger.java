package dev.penguinmails.identity.workspaces;

import dev.penguinmails.events.EventIds;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.workspaces.WorkspacePurged;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes every item of workspaces whose grace period has ended. Resumable and idempotent: a workspace
 * is first claimed (status PURGING, so it can no longer be restored, and its event id fixed); its items
 * are deleted page by page in batches of 25; {@code workspace.purged} is published; the workspace item
 * itself goes last, so a run cut short is found and finished by the next one. Rate-limit buckets named
 * after the workspace are left to their TTL: counters, not data, gone within their period.
 */
@Singleton
public class WorkspacePurger {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspacePurger.class);
    private static final int BATCH = 25;
    private static final int PAGE = 100;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final IdentityTable table;
    private final WorkspaceStore workspaces;
    private final EventPublisher events;
    private final Clock clock;

    public WorkspacePurger(DynamoDbClient dynamo, IdentityTable table, WorkspaceStore workspaces, EventPublisher events) {
        this.dynamo = dynamo;
        this.table = table;
        this.workspaces = workspaces;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /**
     * Purges due workspaces until none is left or {@code outOfTime} says to stop (checked between batches).
     */
    public PurgeSummary purgeDue(BooleanSupplier outOfTime) {
        List<String> purged = new ArrayList<>();
        long[] deleted = {0};
        while (!outOfTime.getAsBoolean()) {
            List<Workspace> due = workspaces.duePurges(clock.instant(), 10);
            if (due.isEmpty()) {
                return new PurgeSummary(purged, deleted[0], false);
            }
            boolean progressed = false;
            for (Workspace workspace : due) {
                if (outOfTime.getAsBoolean()) {
                    return new PurgeSummary(purged, deleted[0], true);
                }
                Optional<Boolean> done = purge(workspace, outOfTime, deleted);
                if (done.orElse(false)) {
                    purged.add(workspace.id());
                }
                progressed |= done.isPresent();
            }
            if (!progressed) {
                // Every due entry was claimed elsewhere or restored at the last moment; the index will catch up.
                return new PurgeSummary(purged, deleted[0], false);
            }
        }
        return new PurgeSummary(purged, deleted[0], true);
    }

    /** Purges one workspace: empty if it was not due any more, false if time ran out part way, true when gone. */
    Optional<Boolean> purge(Workspace workspace, BooleanSupplier outOfTime, long[] deleted) {
        String id = workspace.id();
        Optional<String> eventId = workspaces.claimForPurge(id, clock.instant(), EventIds.next());
        if (eventId.isEmpty()) {
            return Optional.empty();
        }
        String prefix = WorkspaceItems.partition(id) + "#";
        List<QueryRequest> sources = new ArrayList<>();
        // API keys live under their own partitions (looked up by key id); their index finds them.
        sources.add(QueryRequest.builder().tableName(table.name()).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix + WorkspaceItems.API_KEY_INDEX_PARTITION)))
                .limit(PAGE).build());
        for (String partition : WorkspaceItems.TENANT_PARTITIONS) {
            sources.add(partitionQuery(prefix + partition));
        }
        // Memberships and the rest of the workspace's own partition; the workspace item is kept for last.
        sources.add(partitionQuery(WorkspaceItems.partition(id)));
        for (QueryRequest source : sources) {
            if (!drain(source, outOfTime, deleted)) {
                LOG.info("Purge of workspace {} paused for lack of time; the next run resumes it", id);
                return Optional.of(false);
            }
        }
        events.publish(new DomainEvent<>(IdentityEvents.WORKSPACE_PURGED, eventId.get(), id, clock.instant(),
                new WorkspacePurged(workspace.name(),
                (workspace.deletedAt() != null ? workspace.deletedAt() : workspace.updatedAt()).toString())));
        workspaces.deleteWorkspaceItem(id);
        LOG.info("Purged workspace {} (deleted {})", id, workspace.deletedAt());
        return Optional.of(true);
    }

    private QueryRequest partitionQuery(String pk) {
        return QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk)))
                .projectionExpression("pk, sk")
                .consistentRead(true)
                .limit(PAGE).build();
    }

    /** Deletes everything {@code query} finds, page after page; false if time ran out first. */
    private boolean drain(QueryRequest query, BooleanSupplier outOfTime, long[] deleted) {
        // Key-based paging is unaffected by deleting what earlier pages returned; a run cut short restarts from the top.
        QueryRequest next = query;
        while (true) {
            if (outOfTime.getAsBoolean()) {
                return false;
            }
            QueryResponse page = dynamo.query(next);
            List<Map<String, AttributeValue>> keys = page.items().stream()
                    .filter(item -> !isWorkspaceItem(item))
                    .map(item -> Map.of(IdentityKeys.PK, item.get(IdentityKeys.PK), IdentityKeys.SK, item.get(IdentityKeys.SK)))
                    .distinct().toList();
            for (int i = 0; i < keys.size(); i += BATCH) {
                deleteBatch(keys.subList(i, Math.min(keys.size(), i + BATCH)));
                deleted[0] += Math.min(BATCH, keys.size() - i);
            }
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return true;
            }
            next = query.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    /** The workspace item itself goes last, in {@link #purge}, so an interrupted purge is found again. */
    private static boolean isWorkspaceItem(Map<String, AttributeValue> item) {
        AttributeValue sk = item.get(IdentityKeys.SK);
        AttributeValue pk = item.get(IdentityKeys.PK);
        return sk != null && WorkspaceItems.SK.equals(sk.s()) && pk != null && pk.s().startsWith("WS#") && pk.s().indexOf('#', 3) < 0;
    }

    private void deleteBatch(List<Map<String, AttributeValue>> keys) {
        Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of(table.name(), keys.stream()
                .map(k -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k).build()).build()).toList()));
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : Map.of();
            pending.values().removeIf(List::isEmpty);
            if (!pending.isEmpty()) {
                if (attempt >= MAX_BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept throttling the purge; the next run resumes it");
                }
                sleep(Math.min(2_000L, 50L << attempt));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while purging", e);
        }
    }
}

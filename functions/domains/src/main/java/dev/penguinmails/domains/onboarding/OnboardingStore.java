package dev.penguinmails.domains.onboarding;

import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Onboarding jobs ({@code pk WS#<workspace>#ONBOARDING, sk <job id>}, ids sorting by creation) and their reports
 * ({@code pk WS#<workspace>#ONBOARDING#<job id>, sk <line>}, one item per row that failed or was skipped). Every key
 * is built from the {@link TenantContext}. A slice of the worker holds a job by a lease ({@code leaseId},
 * {@code leaseUntil}); each row done moves the checkpoint ({@code rowsRead}) and one counter in one conditional
 * write, so a slice that lost its job cannot count a row, and no row is counted twice. Items expire with the job
 * ({@code expiresAt}); readers treat an expired job as gone.
 */
@Singleton
class OnboardingStore {
    static final String PARTITION = "ONBOARDING";

    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    OnboardingStore(DynamoDbClient dynamo,
                    @Property(name = "penguinmails.tables." + PenguinMailsTopology.DOMAINS) String table,
                    CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    void create(TenantContext tenant, OnboardingJob job, String uploadKey, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, job.id()));
        item.put("workspaceId", s(job.workspaceId()));
        item.put("id", s(job.id()));
        item.put("kind", s(job.kind().name()));
        item.put("status", s(job.status().name()));
        if (job.fileName() != null) {
            item.put("fileName", s(job.fileName()));
        }
        item.put("uploadKey", s(uploadKey));
        item.put("rowsTotal", n(job.rowsTotal()));
        item.put("rowsRead", n(0));
        item.put("succeeded", n(0));
        item.put("failed", n(0));
        item.put("skipped", n(0));
        item.put("createdBy", s(job.createdBy()));
        item.put("createdAt", s(job.createdAt().toString()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    Optional<OnboardingJob> get(TenantContext tenant, String jobId) {
        return stored(tenant, jobId).map(Stored::job);
    }

    /** The job and where its upload is. */
    Optional<Stored> stored(TenantContext tenant, String jobId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, jobId))
                .consistentRead(true)).item();
        return Optional.ofNullable(item).filter(i -> !i.isEmpty() && !expired(i)).map(i -> new Stored(read(i),
                i.get("uploadKey").s()));
    }

    /** A job as read, and the object key of its upload. */
    record Stored(OnboardingJob job, String uploadKey) { }

    /** The workspace's jobs, newest first. */
    Page<OnboardingJob> list(TenantContext tenant, PageRequest page) {
        String scope = "onboarding|" + tenant.workspaceId();
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).keyConditionExpression("pk = :pk").filterExpression("expiresAt > :now")
                    .expressionAttributeValues(Map.of(":pk", partition(tenant),
                            ":now", n(Instant.now().getEpochSecond())))
                    .scanIndexForward(false).consistentRead(true).limit(page.limit());
            if (page.cursor() != null) {
                r.exclusiveStartKey(cursors.decode(page.cursor(), scope));
            }
        });
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(response.items().stream().map(OnboardingStore::read).toList(), next);
    }

    /**
     * Takes the job for a slice until {@code until}, unless it is finished or another slice holds it; the job as
     * taken, or empty.
     */
    Optional<OnboardingJob> claim(TenantContext tenant, String jobId, String leaseId, Instant until, Instant now) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(table).key(key(tenant, jobId))
                    .updateExpression("SET leaseId = :lease, leaseUntil = :until, #status = :running, "
                            + "startedAt = if_not_exists(startedAt, :now)")
                    .conditionExpression("attribute_exists(pk) AND #status IN (:queued, :running) "
                            + "AND (attribute_not_exists(leaseUntil) OR leaseUntil < :nowMillis)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":lease", s(leaseId), ":until", n(until.toEpochMilli()),
                            ":running", s(JobStatus.RUNNING.name()), ":queued", s(JobStatus.QUEUED.name()),
                            ":now", s(now.toString()), ":nowMillis", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(read(item));
        } catch (ConditionalCheckFailedException heldOrFinished) {
            return Optional.empty();
        }
    }

    /**
     * Records row {@code done + 1}: moves the checkpoint from {@code done}, counts its result and renews the lease;
     * false if the slice no longer holds the job (nothing is written then).
     */
    boolean advance(TenantContext tenant, String jobId, String leaseId, int done, RowOutcome.Result result,
                    Instant leaseUntil) {
        String counter = switch (result) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
        };
        return conditional(tenant, jobId, "SET rowsRead = :next, leaseUntil = :until ADD #counter :one",
                "leaseId = :lease AND rowsRead = :done", Map.of("#counter", counter),
                Map.of(":next", n(done + 1), ":until", n(leaseUntil.toEpochMilli()), ":one", n(1),
                        ":lease", s(leaseId), ":done", n(done)));
    }

    /** Lets go of the job after a slice, for the next slice to take. */
    boolean release(TenantContext tenant, String jobId, String leaseId) {
        return conditional(tenant, jobId, "REMOVE leaseId, leaseUntil", "leaseId = :lease", Map.of(),
                Map.of(":lease", s(leaseId)));
    }

    /** Ends the job held by {@code leaseId} as completed or failed, with the reason of a failure. */
    boolean finish(TenantContext tenant, String jobId, String leaseId, JobStatus status, @Nullable String reason,
                   Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":lease", s(leaseId), ":status", s(status.name()),
                ":now", s(now.toString())));
        String set = "SET #status = :status, finishedAt = :now";
        if (reason != null) {
            values.put(":reason", s(reason));
            set += ", failureReason = :reason";
        }
        return conditional(tenant, jobId, set + " REMOVE leaseId, leaseUntil", "leaseId = :lease",
                Map.of("#status", "status"), values);
    }

    /** Ends a job no slice holds as failed (its message could not be queued). */
    void failQueued(TenantContext tenant, String jobId, String reason, Instant now) {
        conditional(tenant, jobId, "SET #status = :failed, finishedAt = :now, failureReason = :reason",
                "#status = :queued", Map.of("#status", "status"), Map.of(":failed", s(JobStatus.FAILED.name()),
                        ":now", s(now.toString()), ":reason", s(reason), ":queued", s(JobStatus.QUEUED.name())));
    }

    /** Keeps what became of a row that did not go in; writing it again (a re-run row) replaces it. */
    void report(TenantContext tenant, String jobId, RowReport report, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(reportKey(tenant, jobId, report.line()));
        item.put("row", n(report.row()));
        item.put("line", n(report.line()));
        item.put("result", s(report.result().name()));
        if (report.key() != null) {
            item.put("key", s(report.key()));
        }
        if (report.problem() != null) {
            item.put("problem", s(report.problem()));
        }
        item.put("errors", AttributeValue.fromL(report.errors().stream().map(e -> AttributeValue.fromM(
                Map.of("column", s(e.column()), "reason", s(e.reason())))).toList()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** A page of the job's report, in file order. */
    Page<RowReport> reports(TenantContext tenant, String jobId, PageRequest page) {
        String scope = "onboarding-report|" + tenant.workspaceId() + "|" + jobId;
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", reportPartition(tenant, jobId)))
                    .consistentRead(true).limit(page.limit());
            if (page.cursor() != null) {
                r.exclusiveStartKey(cursors.decode(page.cursor(), scope));
            }
        });
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(response.items().stream().map(OnboardingStore::readReport).toList(), next);
    }

    private boolean conditional(TenantContext tenant, String jobId, String update, String condition,
                                Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(r -> {
                r.tableName(table).key(key(tenant, jobId)).updateExpression(update)
                        .conditionExpression("attribute_exists(pk) AND " + condition).expressionAttributeValues(values);
                if (!names.isEmpty()) {
                    r.expressionAttributeNames(names);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    private static OnboardingJob read(Map<String, AttributeValue> item) {
        return new OnboardingJob(item.get("workspaceId").s(), item.get("id").s(),
                OnboardingKind.valueOf(item.get("kind").s()), JobStatus.valueOf(item.get("status").s()),
                text(item, "fileName"), number(item, "rowsTotal"), number(item, "rowsRead"), number(item, "succeeded"),
                number(item, "failed"), number(item, "skipped"), item.get("createdBy").s(),
                Instant.parse(item.get("createdAt").s()), instant(item, "startedAt"), instant(item, "finishedAt"),
                text(item, "failureReason"));
    }

    private static RowReport readReport(Map<String, AttributeValue> item) {
        List<RowOutcome.ColumnError> errors = item.get("errors").l().stream()
                .map(v -> new RowOutcome.ColumnError(v.m().get("column").s(), v.m().get("reason").s())).toList();
        return new RowReport(number(item, "row"), Long.parseLong(item.get("line").n()),
                RowOutcome.Result.valueOf(item.get("result").s()), text(item, "key"), text(item, "problem"), errors);
    }

    private static boolean expired(Map<String, AttributeValue> item) {
        AttributeValue expiresAt = item.get("expiresAt");
        return expiresAt != null && Long.parseLong(expiresAt.n()) <= Instant.now().getEpochSecond();
    }

    static Map<String, AttributeValue> key(TenantContext tenant, String jobId) {
        return Map.of("pk", partition(tenant), "sk", s(jobId));
    }

    private static Map<String, AttributeValue> reportKey(TenantContext tenant, String jobId, long line) {
        return Map.of("pk", reportPartition(tenant, jobId), "sk", s(String.format("%010d", line)));
    }

    private static AttributeValue partition(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("onboarding jobs cannot be read or changed without a TenantContext");
        }
        return s(tenant.keyPrefix() + PARTITION);
    }

    private static AttributeValue reportPartition(TenantContext tenant, String jobId) {
        return s(partition(tenant).s() + "#" + jobId);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Integer.parseInt(v.n());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : Instant.parse(v.s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

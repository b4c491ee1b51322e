package dev.penguinmails.contacts.imports;

import dev.penguinmails.events.contacts.ImportCounts;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Imports ({@code pk WS#<workspace>#CONTACT-IMPORTS}, or {@code #SUPPRESSION-IMPORTS} for suppression imports, by
 * the id's {@link ImportKind}; {@code sk <import id>}) and their report lines
 * ({@code pk WS#<workspace>#CONTACT-IMPORT#<import id>, sk <row>#<n>}), every key from the {@link TenantContext}.
 * A slice of the worker holds an import by a lease ({@code leaseId}, {@code leaseUntil}). A batch is first
 * <em>prepared</em> (its counts written as {@code pending}, conditional on the checkpoint), then written, then
 * <em>committed</em> (checkpoint and counts moved, {@code pending} removed) in one conditional update each: a slice
 * that dies between the two finds the batch's counts decided, writes it again (every write of a batch can be
 * repeated) and commits those counts, so no row is counted twice or lost.
 */
@Singleton
class ImportStore {
    static final String REPORT_PARTITION = "CONTACT-IMPORT#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;

    ImportStore(DynamoDbClient dynamo,
                @Property(name = "penguinmails.tables." + PenguinMailsTopology.CONTACTS) String table,
                CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
    }

    String table() {
        return table;
    }

    void create(TenantContext tenant, ContactImport imp, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, imp.id()));
        item.put("workspaceId", s(imp.workspaceId()));
        item.put("id", s(imp.id()));
        item.put("format", s(imp.format().name()));
        item.put("dedupe", s(imp.dedupe().name()));
        item.put("checkMx", AttributeValue.fromBool(imp.checkMx()));
        if (imp.fileName() != null) {
            item.put("fileName", s(imp.fileName()));
        }
        if (imp.sheet() != null) {
            item.put("sheet", s(imp.sheet()));
        }
        if (imp.defaultReason() != null) {
            item.put("defaultReason", s(imp.defaultReason()));
        }
        item.put("mapping", strings(imp.mapping()));
        item.put("declaredBytes", n(imp.declaredBytes()));
        item.put("state", s(imp.state().name()));
        counts(item, imp.counts());
        item.put("percent", n(0));
        item.put("createdBy", s(imp.createdBy()));
        item.put("createdAt", s(imp.createdAt().toString()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    Optional<ContactImport> get(TenantContext tenant, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, id))
                .consistentRead(true)).item();
        return Optional.ofNullable(item).filter(i -> !i.isEmpty() && !expired(i)).map(ImportStore::read);
    }

    /** The workspace's imports of {@code kind}, newest first. */
    Page<ContactImport> list(TenantContext tenant, ImportKind kind, PageRequest page) {
        String scope = kind.partition().toLowerCase(java.util.Locale.ROOT) + "|" + tenant.workspaceId();
        QueryResponse response = dynamo.query(r -> {
            r.tableName(table).keyConditionExpression("pk = :pk").filterExpression("expiresAt > :now")
                    .expressionAttributeValues(Map.of(":pk", partition(tenant, kind),
                            ":now", n(Instant.now().getEpochSecond())))
                    .scanIndexForward(false).consistentRead(true).limit(page.limit());
            if (page.cursor() != null) {
                r.exclusiveStartKey(cursors.decode(page.cursor(), scope));
            }
        });
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(response.items().stream().map(ImportStore::read).toList(), next);
    }

    /** Takes the import for a slice until {@code until}, unless it ended or another slice holds it. */
    Optional<ContactImport> claim(TenantContext tenant, String id, String leaseId, Instant until, Instant now) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(table).key(key(tenant, id))
                    .updateExpression("SET leaseId = :lease, leaseUntil = :until, #state = :running, "
                            + "startedAt = if_not_exists(startedAt, :now)")
                    .conditionExpression("attribute_exists(pk) AND #state IN (:awaiting, :running) "
                            + "AND (attribute_not_exists(leaseUntil) OR leaseUntil < :nowMillis)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":lease", s(leaseId), ":until", n(until.toEpochMilli()),
                            ":running", s(ImportState.RUNNING.name()), ":awaiting", s(ImportState.AWAITING_UPLOAD.name()),
                            ":now", s(now.toString()), ":nowMillis", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(read(item));
        } catch (ConditionalCheckFailedException heldOrEnded) {
            return Optional.empty();
        }
    }

    /** Keeps the columns the worker mapped from the header (once; the header does not change). */
    boolean columns(TenantContext tenant, String id, String leaseId, Map<String, String> columns, List<String> ignored) {
        return conditional(tenant, id, "SET #columns = :columns, ignoredColumns = :ignored", "leaseId = :lease",
                Map.of("#columns", "columns"), Map.of(":columns", strings(columns), ":ignored",
                        AttributeValue.fromL(ignored.stream().map(ImportStore::s).toList()), ":lease", s(leaseId)));
    }

    /** Decides a batch's counts before it is written: false if the slice lost the import or the checkpoint moved. */
    boolean prepare(TenantContext tenant, String id, String leaseId, long from, ContactImport.Pending pending) {
        return conditional(tenant, id, "SET #pending = :pending", "leaseId = :lease AND rowsRead = :from "
                + "AND attribute_not_exists(#pending)", Map.of("#pending", "pending"), Map.of(":pending", pending(pending),
                ":lease", s(leaseId), ":from", n(from)));
    }

    /** Notes that the prepared batch's events are out: a slice that writes it again does not announce it again. */
    boolean announced(TenantContext tenant, String id, String leaseId, ContactImport.Pending pending) {
        return conditional(tenant, id, "SET #pending.#announced = :yes", "leaseId = :lease AND #pending.#through = :through",
                Map.of("#pending", "pending", "#announced", "announced", "#through", "through"),
                Map.of(":yes", AttributeValue.fromBool(true), ":lease", s(leaseId), ":through", n(pending.through())));
    }

    /** Moves the checkpoint past the prepared batch, adds its counts and renews the lease. */
    boolean commit(TenantContext tenant, String id, String leaseId, ContactImport.Pending pending, Instant leaseUntil) {
        ImportCounts d = pending.delta();
        return conditional(tenant, id, "SET rowsRead = :through, #percent = :percent, leaseUntil = :until "
                        + "ADD #created :c, #updated :u, #skipped :s, #failed :f REMOVE #pending",
                "leaseId = :lease AND #pending.#through = :through", Map.of("#percent", "percent", "#created", "created",
                        "#updated", "updated", "#skipped", "skipped", "#failed", "failed", "#pending", "pending",
                        "#through", "through"),
                Map.of(":through", n(pending.through()), ":percent", n(pending.percent()),
                        ":until", n(leaseUntil.toEpochMilli()), ":c", n(d.created()), ":u", n(d.updated()),
                        ":s", n(d.skipped()), ":f", n(d.failed()), ":lease", s(leaseId)));
    }

    /** Notes that every row is read and where the report is, before the upload is deleted. */
    boolean allRead(TenantContext tenant, String id, String leaseId, @Nullable String reportKey) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":lease", s(leaseId), ":yes", AttributeValue.fromBool(true)));
        String set = "SET allRead = :yes";
        if (reportKey != null) {
            values.put(":report", s(reportKey));
            set += ", reportKey = :report";
        }
        return conditional(tenant, id, set, "leaseId = :lease", Map.of(), values);
    }

    /** Notes where the report of an import that fails is. */
    boolean reportAt(TenantContext tenant, String id, String leaseId, String reportKey) {
        return conditional(tenant, id, "SET reportKey = :report", "leaseId = :lease", Map.of(),
                Map.of(":report", s(reportKey), ":lease", s(leaseId)));
    }

    /** Lets go of the import after a slice, for the next slice to take. */
    boolean release(TenantContext tenant, String id, String leaseId) {
        return conditional(tenant, id, "REMOVE leaseId, leaseUntil", "leaseId = :lease", Map.of(),
                Map.of(":lease", s(leaseId)));
    }

    /**
     * Ends the import held by {@code leaseId}, with the event it owes in its outbox ({@code owed} null for an import
     * that announces nothing: a suppression import, whose entries announce themselves).
     */
    boolean finish(TenantContext tenant, String id, String leaseId, ImportState state, @Nullable String problem,
                   @Nullable String reason, Instant now, @Nullable OutboxEntry owed) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":lease", s(leaseId), ":state", s(state.name()),
                ":now", s(now.toString())));
        String set = "SET #state = :state, finishedAt = :now";
        if (problem != null) {
            values.put(":problem", s(problem));
            values.put(":reason", s(reason));
            set += ", #problem = :problem, #reason = :reason";
        }
        if (state == ImportState.COMPLETED) {
            values.put(":hundred", n(100));
            set += ", #percent = :hundred";
        }
        String update = owed == null ? set + " REMOVE leaseId, leaseUntil"
                : owed.updateExpression(set + " REMOVE leaseId, leaseUntil");
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        if (state == ImportState.COMPLETED) {
            names.put("#percent", "percent");
        }
        if (problem != null) {
            names.put("#problem", "problem");
            names.put("#reason", "reason");
        }
        return conditional(tenant, id, update, "leaseId = :lease", owed == null ? names : owed.names(names),
                owed == null ? values : owed.values(values));
    }

    /** Keeps report lines; writing a line again (a batch written again) replaces it. */
    void report(TenantContext tenant, String id, List<ReportLine> lines, Instant expiresAt) {
        List<WriteRequest> writes = new ArrayList<>();
        for (ReportLine line : lines) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", reportPartition(tenant, id));
            item.put("sk", s(String.format("%012d#%03d", line.row(), line.index())));
            item.put("row", n(line.row()));
            item.put("column", s(line.column()));
            item.put("reason", s(line.reason()));
            item.put("expiresAt", n(expiresAt.getEpochSecond()));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        dev.penguinmails.shared.aws.BatchWrites.writeAll(dynamo, table, writes);
    }

    /** Every report line of the import in file order, page by page, handed to {@code sink}. */
    void reportLines(TenantContext tenant, String id, Consumer<ReportLine> sink) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> {
                r.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", reportPartition(tenant, id)));
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            page.items().forEach(i -> sink.accept(new ReportLine(Long.parseLong(i.get("row").n()),
                    Integer.parseInt(i.get("sk").s().substring(13)), i.get("column").s(), i.get("reason").s())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** One line of the error report: the row as the file numbers it, the column (header) and why. */
    record ReportLine(long row, int index, String column, String reason) { }

    private boolean conditional(TenantContext tenant, String id, String update, String condition,
                                Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(r -> {
                r.tableName(table).key(key(tenant, id)).updateExpression(update)
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

    static ContactImport read(Map<String, AttributeValue> i) {
        ContactImport.Pending pending = null;
        if (i.containsKey("pending")) {
            Map<String, AttributeValue> p = i.get("pending").m();
            pending = new ContactImport.Pending(num(p, "through"), counts(p, "rowsRead"), (int) num(p, "percent"),
                    p.containsKey("announced") && Boolean.TRUE.equals(p.get("announced").bool()));
        }
        return new ContactImport(i.get("workspaceId").s(), i.get("id").s(), ImportFormat.valueOf(i.get("format").s()),
                DedupeMode.valueOf(i.get("dedupe").s()), i.containsKey("checkMx") && i.get("checkMx").bool(),
                text(i, "fileName"), text(i, "sheet"), map(i, "mapping"),
                num(i, "declaredBytes"), ImportState.valueOf(i.get("state").s()), counts(i, "rowsRead"),
                (int) num(i, "percent"), map(i, "columns"),
                i.containsKey("ignoredColumns") ? i.get("ignoredColumns").l().stream().map(AttributeValue::s).toList()
                        : List.of(),
                i.containsKey("allRead") && i.get("allRead").bool(), text(i, "reportKey"), text(i, "problem"),
                text(i, "reason"), pending, i.get("createdBy").s(), Instant.parse(i.get("createdAt").s()),
                instant(i, "startedAt"), instant(i, "finishedAt"), text(i, "defaultReason"));
    }

    private static ImportCounts counts(Map<String, AttributeValue> i, String rowsRead) {
        return new ImportCounts(num(i, rowsRead), num(i, "created"), num(i, "updated"), num(i, "skipped"),
                num(i, "failed"));
    }

    private static void counts(Map<String, AttributeValue> item, ImportCounts c) {
        item.put("rowsRead", n(c.rowsRead()));
        item.put("created", n(c.created()));
        item.put("updated", n(c.updated()));
        item.put("skipped", n(c.skipped()));
        item.put("failed", n(c.failed()));
    }

    private static AttributeValue pending(ContactImport.Pending p) {
        Map<String, AttributeValue> m = new HashMap<>();
        counts(m, p.delta());
        m.remove("rowsRead");
        m.put("through", n(p.through()));
        m.put("rowsRead", n(p.delta().rowsRead()));
        m.put("percent", n(p.percent()));
        return AttributeValue.fromM(m);
    }

    private static boolean expired(Map<String, AttributeValue> item) {
        AttributeValue expiresAt = item.get("expiresAt");
        return expiresAt != null && Long.parseLong(expiresAt.n()) <= Instant.now().getEpochSecond();
    }

    static Map<String, AttributeValue> key(TenantContext tenant, String id) {
        return Map.of("pk", partition(tenant, ImportKind.ofId(id)), "sk", s(id));
    }

    private static AttributeValue partition(TenantContext tenant, ImportKind kind) {
        if (tenant == null) {
            throw new IllegalStateException("imports cannot be read or changed without a TenantContext");
        }
        return s(tenant.keyPrefix() + kind.partition());
    }

    private static AttributeValue reportPartition(TenantContext tenant, String id) {
        if (tenant == null) {
            throw new IllegalStateException("imports cannot be read or changed without a TenantContext");
        }
        return s(tenant.keyPrefix() + REPORT_PARTITION + id);
    }

    private static AttributeValue strings(Map<String, String> map) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(k, s(v)));
        return AttributeValue.fromM(m);
    }

    private static Map<String, String> map(Map<String, AttributeValue> item, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        if (item.containsKey(name)) {
            new java.util.TreeMap<>(item.get(name).m()).forEach((k, v) -> out.put(k, v.s()));
        }
        return out;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
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

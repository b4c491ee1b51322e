package dev.penguinmails.contacts.imports;

import dev.penguinmails.contacts.fields.FieldStore;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.contacts.ContactEvents;
import dev.penguinmails.events.contacts.ContactImportCompleted;
import dev.penguinmails.events.contacts.ContactImportFailed;
import dev.penguinmails.events.contacts.ImportCounts;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through one slice of an import: takes its lease, checks the uploaded object's size, reads the file from the
 * start (skipping the rows before the checkpoint, noting their addresses to tell later duplicates), and then plans,
 * prepares, writes, announces and commits batch after batch ({@link ImportStore}) until the file ends or the
 * slice's budget is spent, when it lets the import go and queues the next slice. A batch prepared but not committed
 * (the slice died) is written again with the counts it was prepared with. At the end it writes the error report,
 * deletes the upload and ends the import with its event. Rows are never logged.
 */
@Singleton
public class ImportWorker {
    static final String ACTOR = "system:imports";
    private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportStore store;
    private final ImportObjects objects;
    private final ImportQueue queue;
    private final ImportBatch batches;
    private final SuppressionRows suppressionRows;
    private final ImportReports reports;
    private final FieldStore fields;
    private final Outbox outbox;
    private final ImportSettings settings;
    private final ImportLists lists;
    private final Clock clock = Clock.systemUTC();
    private volatile Interruption interruption = (importId, through) -> { };

    ImportWorker(ImportStore store, ImportObjects objects, ImportQueue queue, ImportBatch batches,
                 SuppressionRows suppressionRows, ImportReports reports, FieldStore fields, Outbox outbox,
                 ImportSettings settings, ImportLists lists) {
        this.lists = lists;
        this.store = store;
        this.objects = objects;
        this.queue = queue;
        this.batches = batches;
        this.suppressionRows = suppressionRows;
        this.reports = reports;
        this.fields = fields;
        this.outbox = outbox;
        this.settings = settings;
    }

    /** How a slice ended. */
    public enum SliceEnd {
        /** No such import, or it ended: the message is spent. */
        NOTHING_TO_DO,
        /** Another slice holds the import; its own message carries it on. */
        HELD_ELSEWHERE,
        /** The budget was spent: the next slice is queued. */
        CONTINUED,
        /** The import ended, completed or failed. */
        FINISHED,
        /** Another slice took the import over meanwhile (this one outlived its lease). */
        LOST
    }

    /**
     * Called after a batch is written and before it is committed: a test throws here to stand for a worker killed
     * at the worst moment.
     */
    @FunctionalInterface
    public interface Interruption {
        void afterWrite(String importId, long through);

        /** After a batch is planned (its contacts' places taken) and before anything of it is prepared or written. */
        default void afterPlan(String importId, long through) { }
    }

    /** For tests: what happens after each batch is planned and written (nothing, normally). */
    public void interruptWith(Interruption interruption) {
        this.interruption = interruption;
    }

    public SliceEnd run(String workspaceId, String importId) {
        TenantContext tenant = TenantContext.system(workspaceId, ACTOR);
        Optional<ContactImport> current = store.get(tenant, importId);
        if (current.isEmpty() || current.get().state().finished()) {
            return SliceEnd.NOTHING_TO_DO;
        }
        String lease = Ids.newId("lease");
        Instant started = clock.instant();
        Optional<ContactImport> claimed = store.claim(tenant, importId, lease, started.plus(settings.lease()), started);
        if (claimed.isEmpty()) {
            return SliceEnd.HELD_ELSEWHERE;
        }
        ContactImport imp = claimed.get();
        String key = ImportObjects.uploadKey(workspaceId, importId, imp.format());
        OptionalLong size = objects.size(tenant, key);
        if (size.isEmpty()) {
            if (imp.allRead()) {
                // The upload is deleted just before an import ends: a slice that died between the two finds it so.
                return complete(tenant, imp, lease, key);
            }
            return fail(tenant, imp, lease, key, new FileProblem("upload-missing", "The file was not uploaded, or it "
                    + "expired; start a new import."));
        }
        long max = settings.maxBytes(imp.kind(), imp.format());
        if (size.getAsLong() > max) {
            return fail(tenant, imp, lease, key, new FileProblem("file-too-large", "The uploaded file is "
                    + size.getAsLong() + " bytes; a " + imp.format().wire().toUpperCase(java.util.Locale.ROOT)
                    + (imp.kind() == ImportKind.SUPPRESSIONS ? " suppression" : "") + " import takes at most " + max + "."));
        }
        File local = null;
        try {
            ImportFile file;
            if (imp.format() == ImportFormat.XLSX) {
                local = objects.download(tenant, key);
                file = new XlsxImportFile(local, imp.sheet());
            } else {
                InputStream in = objects.open(tenant, key);
                try {
                    file = new CsvImportFile(in, size.getAsLong());
                } catch (RuntimeException e) {
                    in.close();
                    throw e;
                }
            }
            try (file) {
                return work(tenant, imp, lease, key, file, started);
            }
        } catch (FileProblem problem) {
            return fail(tenant, imp, lease, key, problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (local != null && !local.delete()) {
                local.deleteOnExit();
            }
        }
    }

    private SliceEnd work(TenantContext tenant, ContactImport imp, String lease, String key, ImportFile file,
                          Instant started) {
        ImportRows rows = imp.kind() == ImportKind.SUPPRESSIONS ? suppressionRows.open(tenant, store, imp, file.header())
                : batches.open(tenant, store, imp, file.header(), fields.all(tenant));
        if (imp.columns().isEmpty() && !store.columns(tenant, imp.id(), lease, rows.columns(), rows.ignored())) {
            return SliceEnd.LOST;
        }
        Instant stopAt = started.plus(settings.sliceBudget());
        Instant reportExpiresAt = imp.createdAt().plus(settings.keepFor());
        Map<String, Long> seen = new HashMap<>();
        long done = imp.counts().rowsRead();
        ContactImport.Pending pending = imp.pending();
        List<SourceRow> batch = new ArrayList<>();
        SourceRow row;
        while ((row = file.next()) != null) {
            if (row.index() <= done) {
                SourceRow skipped = row;
                rows.seenKey(row).ifPresent(k -> seen.putIfAbsent(k, skipped.row()));
                continue;
            }
            batch.add(row);
            long limit = pending != null ? pending.through() : done + settings.batchSize();
            if (row.index() < limit) {
                continue;
            }
            if (!flush(tenant, imp, lease, rows, seen, batch, done, pending, file.percent(),
                    reportExpiresAt)) {
                return SliceEnd.LOST;
            }
            done = row.index();
            pending = null;
            batch.clear();
            if (!clock.instant().isBefore(stopAt)) {
                if (!store.release(tenant, imp.id(), lease)) {
                    return SliceEnd.LOST;
                }
                queue.send(tenant.workspaceId(), imp.id());
                LOG.info("Import {}: {} rows done; next slice queued", imp.id(), done);
                return SliceEnd.CONTINUED;
            }
        }
        if (!batch.isEmpty() || pending != null) {
            if (!flush(tenant, imp, lease, rows, seen, batch, done, pending, file.percent(),
                    reportExpiresAt)) {
                return SliceEnd.LOST;
            }
            done = batch.isEmpty() ? pending.through() : batch.get(batch.size() - 1).index();
        }
        if (done == 0) {
            return fail(tenant, imp, lease, key, new FileProblem("no-rows", "The file has a header ("
                    + String.join(", ", file.header()) + ") but no rows."));
        }
        LOG.info("Import {}: all {} rows read ({})", imp.id(), done, file.detected());
        return complete(tenant, imp, lease, key);
    }

    /**
     * Plans, prepares (unless replaying a prepared batch), writes, announces (unless a slice before noted it
     * announced, decision 0080) and commits one batch.
     */
    private boolean flush(TenantContext tenant, ContactImport imp, String lease, ImportRows rows,
                          Map<String, Long> seen, List<SourceRow> batch, long done, ContactImport.Pending prepared,
                          int percent, Instant reportExpiresAt) {
        ImportRows.PlannedBatch plan = rows.plan(batch, seen);
        interruption.afterPlan(imp.id(), batch.get(batch.size() - 1).index());
        ContactImport.Pending pending = prepared;
        if (pending == null) {
            pending = new ContactImport.Pending(batch.get(batch.size() - 1).index(), plan.counts(), percent);
            if (!store.prepare(tenant, imp.id(), lease, done, pending)) {
                return false;
            }
        }
        plan.write(reportExpiresAt);
        if (!pending.announced() && plan.announce() && !store.announced(tenant, imp.id(), lease, pending)) {
            return false;
        }
        // The list to fill gets the batch's contacts before the checkpoint: a replayed batch puts them again (decision 0041).
        lists.of(tenant, imp.id()).ifPresent(listId -> lists.add(tenant, listId, plan.members()));
        interruption.afterWrite(imp.id(), pending.through());
        return store.commit(tenant, imp.id(), lease, pending, clock.instant().plus(settings.lease()));
    }

    private SliceEnd complete(TenantContext tenant, ContactImport imp, String lease, String key) {
        ContactImport now = store.get(tenant, imp.id()).orElseThrow();
        String reportKey = now.reportKey();
        if (!now.allRead()) {
            reportKey = reports.write(tenant, imp.id()) ? ImportObjects.reportKey(tenant.workspaceId(), imp.id()) : null;
            if (!store.allRead(tenant, imp.id(), lease, reportKey)) {
                return SliceEnd.LOST;
            }
        }
        objects.delete(tenant, key);
        // A suppression import announces nothing of its own: each entry it added owes its suppression.added.
        OutboxEntry owed = imp.kind() == ImportKind.SUPPRESSIONS ? null : outbox.entry().event(DomainEvent.create(
                ContactEvents.CONTACT_IMPORT_COMPLETED, tenant.workspaceId(), new ContactImportCompleted(imp.id(),
                        imp.fileName(), imp.format().wire(), imp.dedupe().wire(), now.counts(), reportKey != null,
                        lists.of(tenant, imp.id()).orElse(null)))).build();
        return finish(tenant, imp, lease, ImportState.COMPLETED, null, owed);
    }

    /** Ends the import on an error of the whole file; the upload is deleted, what was imported stays. */
    private SliceEnd fail(TenantContext tenant, ContactImport imp, String lease, String key, FileProblem problem) {
        ImportCounts counts = store.get(tenant, imp.id()).map(ContactImport::counts).orElse(imp.counts());
        if (counts.rowsRead() > 0 && reports.write(tenant, imp.id())) {
            store.reportAt(tenant, imp.id(), lease, ImportObjects.reportKey(tenant.workspaceId(), imp.id()));
        }
        objects.delete(tenant, key);
        OutboxEntry owed = imp.kind() == ImportKind.SUPPRESSIONS ? null : outbox.entry().event(DomainEvent.create(
                ContactEvents.CONTACT_IMPORT_FAILED, tenant.workspaceId(), new ContactImportFailed(imp.id(),
                        imp.fileName(), imp.format().wire(), problem.problem(), problem.reason(), counts))).build();
        LOG.info("Import {} failed: {}", imp.id(), problem.problem());
        return finish(tenant, imp, lease, ImportState.FAILED, problem, owed);
    }

    private SliceEnd finish(TenantContext tenant, ContactImport imp, String lease, ImportState state,
                            FileProblem problem, OutboxEntry owed) {
        if (!store.finish(tenant, imp.id(), lease, state, problem == null ? null : problem.problem(),
                problem == null ? null : problem.reason(), clock.instant(), owed)) {
            return SliceEnd.LOST;
        }
        if (owed != null) {
            outbox.deliver(store.table(), ImportStore.key(tenant, imp.id()), owed);
        }
        return SliceEnd.FINISHED;
    }
}

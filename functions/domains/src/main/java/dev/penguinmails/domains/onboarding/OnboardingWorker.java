package dev.penguinmails.domains.onboarding;

import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through one slice of a job: takes the job's lease, reads the sealed upload, skips the rows before the
 * checkpoint (noting what they named, to tell a later row that repeats one), then adds row after row until the file
 * ends, the slice's row budget is spent or its time is up, when it lets the job go and queues the next slice. Each
 * row done moves the checkpoint in the same write that counts it, so a slice that dies loses at most the row in
 * hand, which the next slice runs again: a row that had gone in is then skipped as present, never added twice.
 * Rows are never logged, since mailbox rows hold passwords.
 */
@Singleton
public class OnboardingWorker {
    static final String ACTOR = "system:onboarding";
    private static final Logger LOG = LoggerFactory.getLogger(OnboardingWorker.class);

    private final OnboardingStore store;
    private final Uploads uploads;
    private final OnboardingQueue queue;
    private final OnboardingSettings settings;
    private final Map<OnboardingKind, RowImporter> importers = new HashMap<>();
    private final Clock clock;

    OnboardingWorker(OnboardingStore store, Uploads uploads, OnboardingQueue queue, OnboardingSettings settings,
                     List<RowImporter> importers) {
        this.store = store;
        this.uploads = uploads;
        this.queue = queue;
        this.settings = settings;
        importers.forEach(i -> this.importers.put(i.columns().kind(), i));
        this.clock = Clock.systemUTC();
    }

    /** How a slice ended. */
    public enum SliceEnd {
        /** No such job, or it is finished: the message is spent. */
        NOTHING_TO_DO,
        /** Another slice holds the job; its own message carries the job on. */
        HELD_ELSEWHERE,
        /** The budget was spent: the next slice is queued. */
        CONTINUED,
        /** The job ended, completed or failed. */
        FINISHED,
        /** Another slice took the job over meanwhile (this one outlived its lease). */
        LOST
    }

    public SliceEnd run(String workspaceId, String jobId) {
        TenantContext tenant = TenantContext.system(workspaceId, ACTOR);
        Optional<OnboardingStore.Stored> stored = store.stored(tenant, jobId);
        if (stored.isEmpty() || stored.get().job().status().finished()) {
            return SliceEnd.NOTHING_TO_DO;
        }
        String lease = Ids.newId("lease");
        Instant started = clock.instant();
        Optional<OnboardingJob> claimed = store.claim(tenant, jobId, lease, started.plus(settings.lease()), started);
        if (claimed.isEmpty()) {
            return SliceEnd.HELD_ELSEWHERE;
        }
        OnboardingJob job = claimed.get();
        String uploadKey = stored.get().uploadKey();
        Optional<byte[]> csv = uploads.read(tenant, jobId, uploadKey);
        if (csv.isEmpty()) {
            // The upload is deleted just before a job completes: a slice that died between the two finds it so.
            boolean done = job.rowsRead() >= job.rowsTotal();
            store.finish(tenant, jobId, lease, done ? JobStatus.COMPLETED : JobStatus.FAILED,
                    done ? null : "The uploaded file is gone (it expired); submit it again.", clock.instant());
            return SliceEnd.FINISHED;
        }
        CsvFile file;
        try {
            file = CsvFile.read(csv.get(), Columns.of(job.kind()), Integer.MAX_VALUE);
        } catch (ProblemException unreadable) {
            return end(tenant, job, lease, uploadKey, JobStatus.FAILED, unreadable.detail());
        }
        return work(tenant, job, lease, uploadKey, file, started);
    }

    private SliceEnd work(TenantContext tenant, OnboardingJob job, String lease, String uploadKey, CsvFile file,
                          Instant started) {
        RowImporter importer = importers.get(job.kind());
        Instant stopAt = started.plus(settings.sliceBudget());
        Map<String, Long> seen = new HashMap<>();
        int done = job.rowsRead();
        int inSlice = 0;
        for (CsvFile.CsvRow row : file.dataRows()) {
            Optional<String> key = importer.key(row);
            if (row.index() <= done) {
                key.ifPresent(k -> seen.putIfAbsent(k, row.line()));
                continue;
            }
            if (inSlice >= settings.rowsPerSlice() || !clock.instant().isBefore(stopAt)) {
                if (!store.release(tenant, job.id(), lease)) {
                    return SliceEnd.LOST;
                }
                queue.send(tenant.workspaceId(), job.id());
                LOG.info("Onboarding job {}: {} rows this slice, {} of {} done; next slice queued", job.id(), inSlice,
                        done, job.rowsTotal());
                return SliceEnd.CONTINUED;
            }
            Long first = key.map(seen::get).orElse(null);
            RowOutcome outcome = first != null
                    ? RowOutcome.failed("duplicate-row", List.of(new RowOutcome.ColumnError(importer.columns().key(),
                            "repeats line " + first + ", which names " + key.get() + " too")))
                    : apply(tenant, importer, job, row);
            key.ifPresent(k -> seen.putIfAbsent(k, row.line()));
            if (outcome.result() != RowOutcome.Result.SUCCEEDED) {
                store.report(tenant, job.id(), new RowReport(row.index(), row.line(), outcome.result(),
                        key.orElse(null), outcome.problem(), outcome.errors()), job.createdAt().plus(settings.keepFor()));
            }
            if (!store.advance(tenant, job.id(), lease, done, outcome.result(), clock.instant().plus(settings.lease()))) {
                return SliceEnd.LOST;
            }
            done++;
            inSlice++;
        }
        LOG.info("Onboarding job {}: all {} rows done", job.id(), done);
        return end(tenant, job, lease, uploadKey, JobStatus.COMPLETED, null);
    }

    private RowOutcome apply(TenantContext tenant, RowImporter importer, OnboardingJob job, CsvFile.CsvRow row) {
        if (!row.shapeErrors().isEmpty()) {
            return RowOutcome.failed("validation-failed", row.shapeErrors());
        }
        try {
            return importer.apply(tenant, row);
        } catch (RuntimeException unexpected) {
            // One row's bad luck (a throttled call, a bug) must not hold up the rest; it is reported for a retry.
            LOG.error("Onboarding job {}: row {} failed unexpectedly ({})", job.id(), row.index(),
                    unexpected.getClass().getSimpleName());
            return RowOutcome.failed("internal-error", List.of(new RowOutcome.ColumnError(importer.columns().key(),
                    "could not be processed because of an error on our side; submit this row again")));
        }
    }

    /** Deletes the upload first, so that a finished job never leaves its file (and its passwords) behind. */
    private SliceEnd end(TenantContext tenant, OnboardingJob job, String lease, String uploadKey, JobStatus status,
                         String reason) {
        uploads.delete(tenant, uploadKey);
        return store.finish(tenant, job.id(), lease, status, reason, clock.instant()) ? SliceEnd.FINISHED : SliceEnd.LOST;
    }
}

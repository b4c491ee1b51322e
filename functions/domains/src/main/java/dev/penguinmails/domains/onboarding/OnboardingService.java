package dev.penguinmails.domains.onboarding;

import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submitting onboarding files and reading their jobs. A file is checked whole before anything is kept (text, header,
 * row count), stored sealed, and its job queued; the rows are worked through by {@link OnboardingWorker}, never in
 * the request.
 */
@Singleton
public class OnboardingService {
    static final String ID_PREFIX = "obj";
    private static final Logger LOG = LoggerFactory.getLogger(OnboardingService.class);

    private final OnboardingStore store;
    private final Uploads uploads;
    private final OnboardingQueue queue;
    private final OnboardingSettings settings;

    OnboardingService(OnboardingStore store, Uploads uploads, OnboardingQueue queue, OnboardingSettings settings) {
        this.store = store;
        this.uploads = uploads;
        this.queue = queue;
        this.settings = settings;
    }

    public OnboardingJob submit(TenantContext tenant, OnboardingKind kind, byte[] csv, @Nullable String fileName) {
        if (csv.length > settings.maxBytes()) {
            throw OnboardingProblems.tooLarge(csv.length, settings.maxBytes());
        }
        CsvFile file = CsvFile.read(csv, Columns.of(kind), settings.maxRows());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = Ids.newId(ID_PREFIX);
        OnboardingJob job = new OnboardingJob(tenant.workspaceId(), id, kind, JobStatus.QUEUED, fileName, file.rows(),
                0, 0, 0, 0, tenant.principalId(), now, null, null, null);
        String key = uploads.put(tenant, id, csv);
        store.create(tenant, job, key, now.plus(settings.keepFor()));
        try {
            queue.send(tenant.workspaceId(), id);
        } catch (RuntimeException e) {
            // Without its message the job would wait for ever: end it, so the caller sees it and submits again.
            LOG.error("Onboarding job {} could not be queued", id, e);
            store.failQueued(tenant, id, "The job could not be queued; submit the file again.", Instant.now());
            uploads.delete(tenant, key);
            throw new ProblemException(dev.penguinmails.shared.problems.ProblemType.SERVICE_UNAVAILABLE,
                    "The job could not be queued; nothing was added. Try again shortly.");
        }
        LOG.info("Onboarding job {} queued: {} {} rows in {}", id, file.rows(), kind.wire(), tenant.workspaceId());
        return job;
    }

    public OnboardingJob get(TenantContext tenant, String jobId) {
        if (!Ids.isValid(jobId, ID_PREFIX)) {
            throw OnboardingProblems.jobNotFound();
        }
        return store.get(tenant, jobId).orElseThrow(OnboardingProblems::jobNotFound);
    }

    public Page<OnboardingJob> list(TenantContext tenant, PageRequest page) {
        return store.list(tenant, page);
    }

    /** The rows of the job that failed or were skipped, so far, in file order. */
    public Page<RowReport> report(TenantContext tenant, String jobId, PageRequest page) {
        get(tenant, jobId);
        return store.reports(tenant, jobId, page);
    }
}

package dev.penguinmails.domains.onboarding;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A bulk onboarding job: its file's rows and how far the worker got. {@code rowsRead} is the checkpoint, the number
 * of data rows done (succeeded, failed or skipped), so a later slice starts at the row after it.
 */
public record OnboardingJob(String workspaceId, String id, OnboardingKind kind, JobStatus status, @Nullable String fileName,
                            int rowsTotal, int rowsRead, int succeeded, int failed, int skipped, String createdBy,
                            Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                            @Nullable String failureReason) {

    /** Rows done out of the file's rows, 0 to 100 (100 for a finished job). */
    public int percent() {
        if (status == JobStatus.COMPLETED || rowsTotal == 0) {
            return status == JobStatus.COMPLETED ? 100 : 0;
        }
        return (int) Math.min(100, (long) rowsRead * 100 / rowsTotal);
    }
}

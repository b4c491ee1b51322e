package dev.penguinmails.domains.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Views of onboarding jobs and their reports. */
public final class OnboardingView {
    private OnboardingView() { }

    /** A job and its progress. */
    @Serdeable
    @Schema(name = "OnboardingJob")
    public record Job(@Schema(example = "obj_01JD5Q2X7V4G0ZK3M8N6P9R2TS") String id,
                      @Schema(description = "domains or mailboxes") String kind,
                      @Schema(description = "queued, running, completed (whatever its rows did) or failed (the file "
                              + "as a whole; see failureReason)") String status,
                      @Nullable String fileName,
                      @Schema(description = "Data rows in the file") int rowsTotal,
                      @Schema(description = "Rows done so far: succeeded + failed + skipped") int rowsRead,
                      int succeeded, int failed,
                      @Schema(description = "Rows naming what the workspace has already") int skipped,
                      @Schema(description = "rowsRead of rowsTotal, 0 to 100") int percent,
                      Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                      @Nullable String failureReason) {
        static Job of(OnboardingJob j) {
            return new Job(j.id(), j.kind().wire(), j.status().wire(), j.fileName(), j.rowsTotal(), j.rowsRead(),
                    j.succeeded(), j.failed(), j.skipped(), j.percent(), j.createdAt(), j.startedAt(), j.finishedAt(),
                    j.failureReason());
        }
    }

    /** A row that failed or was skipped. */
    @Serdeable
    @Schema(name = "OnboardingRowReport")
    public record Row(@Schema(description = "The row's number among the data rows, from 1") int row,
                      @Schema(description = "The line of the file it starts on; the header is line 1") long line,
                      @Schema(description = "failed or skipped") String result,
                      @Nullable @Schema(description = "What the row names, normalised: the domain or the address") String key,
                      @Nullable @Schema(description = "The slug of the problem the single-item API would have "
                              + "answered (validation-failed, domain-exists, mailbox-connection-failed, ...), or "
                              + "duplicate-row") String problem,
                      List<ColumnError> errors) {
        static Row of(RowReport r) {
            return new Row(r.row(), r.line(), r.result().name().toLowerCase(java.util.Locale.ROOT), r.key(), r.problem(),
                    r.errors().stream().map(e -> new ColumnError(e.column(), e.reason())).toList());
        }
    }

    /** One reason, and the column it concerns. */
    @Serdeable
    @Schema(name = "OnboardingColumnError")
    public record ColumnError(@Schema(example = "smtp_password") String column, String reason) { }
}

package dev.penguinmails.contacts.exports;

import dev.penguinmails.contacts.segments.Condition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An export as the API shows it; {@code download} only once completed, with a URL minted for this answer. */
@Serdeable
@Schema(name = "ContactExportJob")
public record ExportView(
        @Schema(example = "exp_01KBHY3B5C7D9E1F3G5H7J9K1M") String id,
        @Schema(description = "queued, running, completed or failed") String state,
        @Nullable @Schema(description = "The saved segment exported, if one was") String segmentId,
        @Nullable @Schema(description = "The list exported, if one was") String listId,
        @Nullable @Schema(type = "object", description = "The inline definition exported, if one was") Condition definition,
        @Schema(description = "The CSV's columns, in order") List<String> columns,
        @Schema(description = "How many contacts matched when the export was created") long total,
        @Schema(description = "Rows written to the file so far (the header not counted)") long rowsWritten,
        @Schema(description = "rowsWritten of total, 0 to 100 (100 once completed)") int percent,
        @Schema(description = "Bytes of the file written so far") long sizeBytes,
        @Nullable @Schema(description = "Why a failed export stopped: segment-invalid or export-failed") String problem,
        @Nullable String reason,
        @Nullable @Schema(type = "object", description = "Once completed: a presigned URL of the CSV") Download download,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant completedAt,
        @Schema(description = "When the export and its file are deleted") Instant expiresAt) {

    static ExportView of(ContactExport e, @Nullable Download download) {
        boolean inline = e.segmentId() == null && e.listId() == null;
        return new ExportView(e.id(), e.state().wire(), e.segmentId(), e.listId(), inline ? e.definition() : null,
                e.columns(), e.total(), e.rowsWritten(), e.percent(), e.sizeBytes(), e.problem(), e.reason(), download,
                e.createdAt(), e.updatedAt(), e.completedAt(), e.expiresAt());
    }

    /** A presigned GET of the CSV, working until {@code expiresAt}. */
    @Serdeable
    @Schema(name = "ContactExportJobDownload")
    public record Download(@Schema(description = "Presigned S3 URL of the CSV") String url, Instant expiresAt) { }
}

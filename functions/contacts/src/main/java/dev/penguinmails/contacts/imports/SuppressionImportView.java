package dev.penguinmails.contacts.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A suppression import as the API shows it: a contact import's shape, with entries added and existing. */
@Serdeable
@Schema(name = "SuppressionImport")
public record SuppressionImportView(
        @Schema(example = "simp_01KBHY3B5C7D9E1F3G5H7J9K1M") String id,
        @Schema(description = "awaiting-upload, running, completed or failed") String state,
        @Schema(description = "csv") String format,
        @Nullable String fileName,
        long sizeBytes,
        @Schema(description = "The reason of rows that give none") String defaultReason,
        @Schema(description = "Data rows read so far (the header and empty rows not counted)") long rowsRead,
        @Schema(description = "Entries added to the workspace's list") long added,
        @Schema(description = "Rows whose address or domain the list had already; left as they were") long existing,
        @Schema(description = "Rows repeating an earlier row's address or domain") long skipped,
        @Schema(description = "Invalid rows; the error report says why") long failed,
        @Schema(description = "How much of the file is read, 0 to 100") int percent,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Header → email, domain, value or reason, as applied (empty until the worker read the "
                + "header)") Map<String, String> columns,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Headers nothing takes; their cells are not imported") List<String> ignoredColumns,
        @Schema(description = "Whether GET .../errors has a report to download") boolean errorReport,
        @Nullable @Schema(description = "Why a failed import stopped, e.g. file-too-large, not-csv, no-value-column") String problem,
        @Nullable String reason,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    static SuppressionImportView of(ContactImport i) {
        // The import's "updated" counter holds the entries that existed already (SuppressionRows counts them there).
        return new SuppressionImportView(i.id(), i.state().wire(), i.format().wire(), i.fileName(), i.declaredBytes(),
                i.defaultReason() == null ? "manual" : i.defaultReason(), i.counts().rowsRead(), i.counts().created(),
                i.counts().updated(), i.counts().skipped(), i.counts().failed(), i.percent(), i.columns(),
                i.ignoredColumns(), i.reportKey() != null, i.problem(), i.reason(), i.createdAt(), i.startedAt(),
                i.finishedAt());
    }

    /** The answer to POST: the import and where to upload its file. */
    @Serdeable
    @Schema(name = "SuppressionImportCreated")
    public record Created(SuppressionImportView suppressionImport, ImportView.Upload upload) { }
}

package dev.penguinmails.contacts.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An import as the API shows it. */
@Serdeable
@Schema(name = "ContactImport")
public record ImportView(
        @Schema(example = "imp_01KBHY3B5C7D9E1F3G5H7J9K1M") String id,
        @Schema(description = "awaiting-upload, running, completed or failed") String state,
        @Schema(description = "csv or xlsx") String format,
        @Schema(description = "skip, update or overwrite") String dedupe,
        @Schema(description = "Whether rows whose domain takes no mail fail") boolean checkMx,
        @Nullable String fileName,
        @Nullable String sheet,
        long sizeBytes,
        @Schema(description = "Data rows read so far (the header and empty rows not counted)") long rowsRead,
        long created,
        long updated,
        @Schema(description = "Duplicates in the file, suppressed addresses, existing contacts in mode skip, rows "
                + "that change nothing") long skipped,
        @Schema(description = "Invalid rows; the error report says why") long failed,
        @Schema(description = "How much of the file is read, 0 to 100") int percent,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Header → field, as applied (empty until the worker read the header)") Map<String, String> columns,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Headers no field takes; their cells are not imported") List<String> ignoredColumns,
        @Schema(description = "Whether GET .../errors has a report to download") boolean errorReport,
        @Nullable @Schema(description = "Why a failed import stopped, e.g. file-too-large, not-csv, no-email-column") String problem,
        @Nullable String reason,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    static ImportView of(ContactImport i) {
        return new ImportView(i.id(), i.state().wire(), i.format().wire(), i.dedupe().wire(), i.checkMx(),
                i.fileName(), i.sheet(),
                i.declaredBytes(), i.counts().rowsRead(), i.counts().created(), i.counts().updated(),
                i.counts().skipped(), i.counts().failed(), i.percent(), i.columns(), i.ignoredColumns(),
                i.reportKey() != null, i.problem(), i.reason(), i.createdAt(), i.startedAt(), i.finishedAt());
    }

    /** The answer to POST: the import and where to upload its file. */
    @Serdeable
    @Schema(name = "ContactImportCreated")
    public record Created(ImportView contactImport, Upload upload,
                          @Nullable @Schema(description = "The list the import fills, if asked") String listId) { }

    /** A presigned PUT: send the file's bytes with exactly these headers before {@code expiresAt}. */
    @Serdeable
    @Schema(name = "ContactImportUpload")
    public record Upload(@Schema(description = "Presigned S3 URL") String url,
                         @Schema(example = "PUT") String method,
                         @Schema(description = "Headers the PUT must carry, as signed") Map<String, String> headers,
                         Instant expiresAt) { }

    /** A presigned GET of the error report. */
    @Serdeable
    @Schema(name = "ContactImportErrorReport")
    public record Report(@Schema(description = "Presigned S3 URL of a CSV: row, column, reason") String url,
                         Instant expiresAt) { }
}

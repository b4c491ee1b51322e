package dev.penguinmails.contacts.exports;

import dev.penguinmails.contacts.segments.Condition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * An export job and its checkpoint: the rows written so far in contact id order ({@code lastContactId} is the
 * last), the S3 multipart upload ({@code uploadId}) and the parts uploaded so far; {@code allParts} once the last
 * part is up and only completing the upload remains. {@code definition} is the filter as it was when the export
 * was created (a saved segment's definition is copied, a list becomes an {@code in_list} rule); null exports all.
 */
record ContactExport(String id, String workspaceId, ExportState state, @Nullable String segmentId,
                     @Nullable String listId, @Nullable Condition definition, List<String> columns, long total,
                     long rowsWritten, @Nullable String lastContactId, @Nullable String uploadId, List<Part> parts,
                     boolean allParts, long sizeBytes, @Nullable String problem, @Nullable String reason,
                     String createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant completedAt,
                     Instant expiresAt) {
    ContactExport {
        columns = List.copyOf(columns);
        parts = List.copyOf(parts);
    }

    /** An uploaded part of the file: its number (from 1) and the ETag S3 answered, which completing needs. */
    @Serdeable
    record Part(int number, String etag) { }

    /** Percent of the rows written: 100 only once completed. */
    int percent() {
        if (state == ExportState.COMPLETED) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, rowsWritten * 100 / total);
    }
}

package dev.penguinmails.contacts.imports;

import dev.penguinmails.events.contacts.ImportCounts;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import as stored: what was asked (format, dedupe mode, MX check, mapping, sheet), where it is (state, checkpoint and
 * counts, percent of the file read) and how it ended.
 *
 * @param mapping        the explicit header mapping asked for (header → field); empty for the suggested one
 * @param columns        the mapping applied, once the worker read the header
 * @param ignoredColumns headers of the file that no field took
 * @param pending        a batch written (or being written) but not yet checkpointed; its counts are already decided
 * @param defaultReason  suppression imports: the reason of rows without one (a wire name); null for contact imports
 */
public record ContactImport(String workspaceId, String id, ImportFormat format, DedupeMode dedupe, boolean checkMx,
                            @Nullable String fileName, @Nullable String sheet, Map<String, String> mapping,
                            long declaredBytes, ImportState state, ImportCounts counts, int percent,
                            Map<String, String> columns, List<String> ignoredColumns, boolean allRead,
                            @Nullable String reportKey, @Nullable String problem, @Nullable String reason,
                            @Nullable Pending pending, String createdBy, Instant createdAt,
                            @Nullable Instant startedAt, @Nullable Instant finishedAt,
                            @Nullable String defaultReason) {

    /** Contacts or suppression entries, by the id's prefix. */
    public ImportKind kind() {
        return ImportKind.ofId(id);
    }

    /**
     * The next batch: rows up to {@code through} (a data-row count), with the counts it adds, and whether the events
     * its writes owe are out ({@code announced}, decision 0080).
     */
    public record Pending(long through, ImportCounts delta, int percent, boolean announced) {
        public Pending(long through, ImportCounts delta, int percent) {
            this(through, delta, percent, false);
        }
    }

    /** Counts plus a batch's. */
    static ImportCounts plus(ImportCounts a, ImportCounts b) {
        return new ImportCounts(a.rowsRead() + b.rowsRead(), a.created() + b.created(), a.updated() + b.updated(),
                a.skipped() + b.skipped(), a.failed() + b.failed());
    }

    static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);
}

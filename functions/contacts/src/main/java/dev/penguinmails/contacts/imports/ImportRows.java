package dev.penguinmails.contacts.imports;

import dev.penguinmails.events.contacts.ImportCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the rows of one import become changes, once its header is read: contacts ({@link ImportBatch}) or suppression
 * entries ({@link SuppressionRows}). The worker around it (lease, prepare, write, commit, report) is the same.
 */
interface ImportRows {
    /** Header → what it fills, as applied; kept with the import. */
    Map<String, String> columns();

    /** Headers nothing takes. */
    List<String> ignored();

    /** The key a row registers in {@code seen} to tell later duplicates; empty for a row that registers none. */
    Optional<String> seenKey(SourceRow row);

    /** The plan of {@code rows}; {@code seen} (key → the row that first had it) grows with the rows planned. */
    PlannedBatch plan(List<SourceRow> rows, Map<String, Long> seen);

    /** A batch decided: its counts, and its writes, which can be repeated without doing anything twice. */
    interface PlannedBatch {
        ImportCounts counts();

        void write(Instant reportExpiresAt);

        /**
         * Publishes the events the batch's writes owe (after {@link #write}); called again for a batch written again
         * until the worker has recorded it done (decision 0080), so it may announce twice under the same event ids.
         *
         * @return whether it published anything (then the worker records it)
         */
        default boolean announce() {
            return false;
        }

        /** The contacts the batch's accepted rows stand for (created, updated or found holding the address). */
        default List<String> members() {
            return List.of();
        }
    }
}

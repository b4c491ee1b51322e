package dev.penguinmails.contacts.bulk;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A bulk operation as its item in the contacts table holds it. The counters are added to by whoever applies a
 * chunk (family contacts for tag, untag and delete; this family for list actions), once per chunk.
 */
record BulkOperation(String id, String workspaceId, String action, List<String> tags, @Nullable String listId,
                     String target, @Nullable String segmentId, long matched, int chunks, long processed, long changed,
                     long unchanged, long failed, long missing, @Nullable String problem, @Nullable String reason,
                     String createdBy, Instant createdAt, Instant updatedAt) {

    /** queued, running, completed or failed: derived from the counters, so appliers never race on a state. */
    String status() {
        if (problem != null) {
            return "failed";
        }
        if (processed >= matched) {
            return "completed";
        }
        return processed == 0 ? "queued" : "running";
    }

    int percent() {
        return matched == 0 ? 100 : (int) Math.min(100, processed * 100 / matched);
    }
}

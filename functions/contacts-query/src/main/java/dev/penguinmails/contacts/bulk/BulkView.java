package dev.penguinmails.contacts.bulk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A bulk operation and its progress. */
@Serdeable
@Schema(name = "ContactBulkOperation")
record BulkView(String id, String action, List<String> tags, @Nullable String listId,
                @Schema(description = "segment, definition or selection") String target, @Nullable String segmentId,
                @Schema(description = "queued, running, completed or failed") String status,
                @Schema(description = "Contacts the target held when the operation started") long matched,
                long processed,
                @Schema(description = "Contacts (or memberships) the operation changed") long changed,
                @Schema(description = "Contacts it found as wanted already") long unchanged,
                @Schema(description = "Contacts it could not change") long failed,
                @Schema(description = "Contacts deleted meanwhile") long missing,
                int percent, @Nullable String problem, @Nullable String reason, Instant createdAt, Instant updatedAt) {

    static BulkView of(BulkOperation o) {
        return new BulkView(o.id(), o.action(), o.tags(), o.listId(), o.target(), o.segmentId(), o.status(), o.matched(),
                o.processed(), o.changed(), o.unchanged(), o.failed(), o.missing(), o.percent(), o.problem(), o.reason(),
                o.createdAt(), o.updatedAt());
    }
}

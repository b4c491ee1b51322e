package dev.penguinmails.identity.workspaces;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A workspace as the API shows it to one of its members. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Workspace")
public record WorkspaceView(
        @Schema(example = "ws_01JD5Q2X7V4G0ZK3M8N6P9R2TS") String id,
        @Schema(example = "Acme outbound") String name,
        @Schema(description = "ACTIVE, or DELETED while it can still be restored") WorkspaceStatus status,
        @Schema(description = "The primary owner's user id") String ownerId,
        @Schema(description = "The caller's role in this workspace (absent for API keys)", example = "admin") @Nullable String role,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        @Schema(description = "When a deleted workspace and all its data will be purged; restorable until then")
        @Nullable Instant purgeAfter) {

    static WorkspaceView of(Workspace w, @Nullable String role) {
        return new WorkspaceView(w.id(), w.name(), w.status(), w.ownerId(), role, w.createdAt(), w.updatedAt(),
                w.deletedAt(), w.purgeAfter());
    }
}

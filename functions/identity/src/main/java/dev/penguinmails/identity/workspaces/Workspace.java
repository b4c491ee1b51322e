package dev.penguinmails.identity.workspaces;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * A workspace: the tenant everything else belongs to. {@code ownerId} is the primary owner, who can only
 * hand the workspace over (transfer ownership), never leave it or lose the role, so a workspace always
 * has an owner. A deleted workspace can be restored until {@code purgeAfter}.
 */
public record Workspace(String id, String name, String ownerId, WorkspaceStatus status, Instant createdAt,
                        Instant updatedAt, @Nullable Instant deletedAt, @Nullable Instant purgeAfter) {
    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

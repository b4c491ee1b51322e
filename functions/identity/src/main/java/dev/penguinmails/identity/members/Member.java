package dev.penguinmails.identity.members;

import dev.penguinmails.shared.auth.Role;
import java.time.Instant;
import java.util.Objects;

/** A person's membership of a workspace, with their role in it. */
public record Member(String workspaceId, String userId, Role role, Instant joinedAt) {
    public Member {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}

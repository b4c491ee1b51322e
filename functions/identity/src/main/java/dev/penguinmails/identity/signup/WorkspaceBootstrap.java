package dev.penguinmails.identity.signup;

import java.time.Instant;

/**
 * Creates the first workspace of a new account and makes the person its owner. Workspaces belong to
 * their own capability; signup only needs this one idempotent step, so it goes through this interface.
 */
public interface WorkspaceBootstrap {
    /**
     * Creates workspace {@code workspaceId} named {@code name}, owned by {@code ownerUserId}, and the
     * owner's membership. Calling it again with the same arguments changes nothing.
     */
    void createFirstWorkspace(String workspaceId, String name, String ownerUserId, Instant createdAt);
}

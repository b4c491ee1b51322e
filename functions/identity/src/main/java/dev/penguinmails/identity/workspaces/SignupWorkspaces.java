package dev.penguinmails.identity.workspaces;

import dev.penguinmails.identity.members.MemberStore;
import dev.penguinmails.identity.signup.WorkspaceBootstrap;
import dev.penguinmails.shared.auth.Role;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Creates the first workspace of a new account for signup, through the same stores as every other
 * workspace: the owner's membership first (a membership without its workspace is invisible), then the
 * workspace. Both writes are conditional, so a resumed signup changes nothing.
 */
@Singleton
public class SignupWorkspaces implements WorkspaceBootstrap {
    private final WorkspaceStore workspaces;
    private final MemberStore members;

    public SignupWorkspaces(WorkspaceStore workspaces, MemberStore members) {
        this.workspaces = workspaces;
        this.members = members;
    }

    @Override
    public void createFirstWorkspace(String workspaceId, String name, String ownerUserId, Instant createdAt) {
        members.add(workspaceId, ownerUserId, Role.OWNER, createdAt);
        workspaces.create(workspaceId, name, ownerUserId, createdAt);
    }
}

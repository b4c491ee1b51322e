package dev.penguinmails.identity.workspaces;

/** Where a workspace is in its life: in use, soft-deleted (restorable until purgeAfter), or being purged. */
public enum WorkspaceStatus {
    ACTIVE, DELETED, PURGING
}

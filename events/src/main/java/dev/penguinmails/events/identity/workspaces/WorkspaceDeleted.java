package dev.penguinmails.events.identity.workspaces;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code workspace.deleted}: soft-deleted; every function should stop working for it (it can be
 * restored until {@code purgeAfter}, ISO-8601).
 */
@Serdeable
public record WorkspaceDeleted(String name, String actorId, String purgeAfter) { }

package dev.penguinmails.events.identity.workspaces;

import io.micronaut.serde.annotation.Serdeable;

/** {@code workspace.renamed}: a workspace got a new name. */
@Serdeable
public record WorkspaceRenamed(String name, String previousName, String actorId) { }

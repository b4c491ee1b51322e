package dev.penguinmails.events.identity.workspaces;

import io.micronaut.serde.annotation.Serdeable;

/** {@code workspace.restored}: back in use; functions resume. */
@Serdeable
public record WorkspaceRestored(String name, String actorId) { }

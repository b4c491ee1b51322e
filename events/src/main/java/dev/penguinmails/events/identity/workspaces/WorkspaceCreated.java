package dev.penguinmails.events.identity.workspaces;

import io.micronaut.serde.annotation.Serdeable;

/** {@code workspace.created}: a person created a workspace (besides the first one, made at signup). */
@Serdeable
public record WorkspaceCreated(String name, String ownerId) { }

package dev.penguinmails.events.identity.workspaces;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code workspace.purged}: identity deleted everything it held for the workspace; every function
 * must now delete what it holds. {@code deletedAt} is when it was soft-deleted (ISO-8601).
 */
@Serdeable
public record WorkspacePurged(String name, String deletedAt) { }

package dev.penguinmails.events.identity.workspaces;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code workspace.ownership_transferred}: the primary owner handed the workspace over and took
 * {@code previousOwnerRole}.
 */
@Serdeable
public record OwnershipTransferred(String previousOwnerId, String newOwnerId, String previousOwnerRole) { }

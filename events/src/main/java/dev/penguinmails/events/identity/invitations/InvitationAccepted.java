package dev.penguinmails.events.identity.invitations;

import io.micronaut.serde.annotation.Serdeable;

/** {@code invitation.accepted}: {@code userId} joined the workspace with {@code role}. */
@Serdeable
public record InvitationAccepted(String invitationId, String userId, String email, String role, boolean accountCreated) { }

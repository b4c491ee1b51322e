package dev.penguinmails.events.identity.invitations;

import io.micronaut.serde.annotation.Serdeable;

/** {@code invitation.revoked}: the link no longer works. */
@Serdeable
public record InvitationRevoked(String invitationId, String email, String actorId) { }

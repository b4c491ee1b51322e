package dev.penguinmails.events.identity.invitations;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code invitation.sent}: an invitation is to be emailed (first send or a resend, {@code sendCount}).
 * Role is admin, billing_admin, member or viewer. No token: the email consumer mints the link when it sends the mail.
 */
@Serdeable
public record InvitationSent(String invitationId, String email, String role, String workspaceName,
                             String inviterId, String inviterName, int sendCount) { }

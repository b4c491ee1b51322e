package dev.penguinmails.identity.invitations;

/** Where an invitation stands. EXPIRED is never stored: it is a PENDING one whose link has run out. */
public enum InvitationStatus {
    PENDING, ACCEPTED, REVOKED, EXPIRED
}

package dev.penguinmails.identity.sessions;

/** ACTIVE until logout, logout-all, revocation, password reset or refresh-token reuse makes it REVOKED. */
public enum SessionStatus {
    ACTIVE, REVOKED
}

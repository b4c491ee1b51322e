package dev.penguinmails.identity.accounts;

/**
 * Where an account is in its life. PENDING while signup's steps run (the items carry an expiry then,
 * so an abandoned signup disappears by itself); ACTIVE once they all succeeded.
 */
public enum AccountStatus {
    PENDING, ACTIVE
}

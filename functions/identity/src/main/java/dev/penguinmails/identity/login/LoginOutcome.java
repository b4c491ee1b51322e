package dev.penguinmails.identity.login;

/** How a login attempt ended, as the login activity log shows it. */
public enum LoginOutcome {
    SUCCEEDED, WRONG_PASSWORD, LOCKED_OUT, THROTTLED
}

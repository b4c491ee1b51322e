package dev.penguinmails.identity.accounts;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The payloads of the account events identity publishes (source {@code penguinmails.identity}). None
 * carries a token or a password: events are stored and fanned out, so the email consumer mints a fresh
 * one-time token when it sends the mail. Addresses are included because mailing them is the point.
 */
public final class AccountEventPayloads {
    private AccountEventPayloads() { }

    /** {@code account.signup_duplicate}: someone tried to sign up with an address that has an account. */
    @Serdeable
    public record SignupDuplicate(String userId, String email, String name, String locale) { }

    /** {@code account.verification_requested}: the person asked for a new verification link. */
    @Serdeable
    public record VerificationRequested(String userId, String email, String name, String locale) { }

    /** {@code account.email_verified}: the address was proven; sending is unlocked. */
    @Serdeable
    public record EmailVerified(String userId, String email) { }

    /** {@code account.locked}: too many failed logins; {@code lockedUntil} is ISO-8601 UTC. */
    @Serdeable
    public record AccountLocked(String userId, String email, String name, String locale, String timezone,
                                String lockedUntil, int failedAttempts, String ip) { }

    /** {@code account.new_device_login}: a sign-in from a browser family or network not seen before. */
    @Serdeable
    public record NewDeviceLogin(String userId, String email, String name, String locale, String timezone,
                                 String sessionId, String device, String ip, String userAgent, String signedInAt) { }

    /** {@code account.password_reset_requested}: someone asked to reset this account's password. */
    @Serdeable
    public record PasswordResetRequested(String userId, String email, String name, String locale) { }

    /** {@code account.password_changed}: the password was changed (by reset); every session was ended. */
    @Serdeable
    public record PasswordChanged(String userId, String email, String name, String locale, String reason) { }

    /** {@code account.email_change_requested}: confirm at {@code newEmail}, notice to {@code oldEmail}. */
    @Serdeable
    public record EmailChangeRequested(String userId, String name, String locale, String oldEmail, String newEmail) { }

    /** {@code account.email_changed}: the change was confirmed; the old address is told. */
    @Serdeable
    public record EmailChanged(String userId, String name, String locale, String oldEmail, String newEmail) { }
}

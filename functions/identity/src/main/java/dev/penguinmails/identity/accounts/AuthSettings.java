package dev.penguinmails.identity.accounts;

import dev.penguinmails.shared.ratelimit.Limit;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The tunable numbers of accounts and logins, with their defaults (keys under {@code penguinmails.auth}):
 * token lifetimes, lockout, and the throttles that keep guessing and mail-bombing expensive.
 */
@Singleton
public class AuthSettings {
    private final Duration accessTokenTtl;
    private final Duration sessionTtl;
    private final int lockoutThreshold;
    private final Duration lockoutDuration;
    private final Limit loginPerIp;
    private final Limit loginPerAccount;
    private final Limit signupPerIp;
    private final Limit mailPerAddress;
    private final Limit mailRequestsPerIp;
    private final Limit duplicateSignupNotices;
    private final Limit lockNotices;
    private final Limit emailChangePerUser;
    private final Limit resetConfirmsPerIp;

    public AuthSettings(@Value("${penguinmails.auth.access-token-ttl:15m}") Duration accessTokenTtl,
                        @Value("${penguinmails.auth.session-ttl:30d}") Duration sessionTtl,
                        @Value("${penguinmails.auth.lockout.threshold:5}") int lockoutThreshold,
                        @Value("${penguinmails.auth.lockout.duration:15m}") Duration lockoutDuration,
                        @Value("${penguinmails.auth.throttle.login-per-ip-per-minute:30}") int loginPerIp,
                        @Value("${penguinmails.auth.throttle.login-per-account-per-minute:10}") int loginPerAccount,
                        @Value("${penguinmails.auth.throttle.signup-per-ip-per-hour:20}") int signupPerIp,
                        @Value("${penguinmails.auth.throttle.mail-per-address-per-hour:3}") int mailPerAddress,
                        @Value("${penguinmails.auth.throttle.mail-requests-per-ip-per-hour:30}") int mailRequestsPerIp,
                        @Value("${penguinmails.auth.throttle.duplicate-signup-notices-per-day:3}") int duplicateSignupNotices,
                        @Value("${penguinmails.auth.throttle.lock-notices-per-day:3}") int lockNotices,
                        @Value("${penguinmails.auth.throttle.email-change-per-user-per-hour:5}") int emailChangePerUser,
                        @Value("${penguinmails.auth.throttle.reset-confirms-per-ip-per-hour:20}") int resetConfirmsPerIp) {
        if (lockoutThreshold < 1) {
            throw new IllegalArgumentException("penguinmails.auth.lockout.threshold must be at least 1");
        }
        this.accessTokenTtl = accessTokenTtl;
        this.sessionTtl = sessionTtl;
        this.lockoutThreshold = lockoutThreshold;
        this.lockoutDuration = lockoutDuration;
        this.loginPerIp = Limit.perMinute(loginPerIp);
        this.loginPerAccount = Limit.perMinute(loginPerAccount);
        this.signupPerIp = Limit.perHour(signupPerIp);
        this.mailPerAddress = Limit.perHour(mailPerAddress);
        this.mailRequestsPerIp = Limit.perHour(mailRequestsPerIp);
        this.duplicateSignupNotices = Limit.of(duplicateSignupNotices, Duration.ofDays(1));
        this.lockNotices = Limit.of(lockNotices, Duration.ofDays(1));
        this.emailChangePerUser = Limit.perHour(emailChangePerUser);
        this.resetConfirmsPerIp = Limit.perHour(resetConfirmsPerIp);
    }

    /** Lifetime of an access token (15 minutes). */
    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    /** How long a login session (and so its refresh tokens) lasts from sign-in (30 days). */
    public Duration sessionTtl() {
        return sessionTtl;
    }

    /** Consecutive failed logins that lock an account (5). */
    public int lockoutThreshold() {
        return lockoutThreshold;
    }

    /** How long a lock lasts (15 minutes). */
    public Duration lockoutDuration() {
        return lockoutDuration;
    }

    public Limit loginPerIp() {
        return loginPerIp;
    }

    public Limit loginPerAccount() {
        return loginPerAccount;
    }

    public Limit signupPerIp() {
        return signupPerIp;
    }

    /** Emails one address may be sent on request (verification, reset) per hour. */
    public Limit mailPerAddress() {
        return mailPerAddress;
    }

    /** Requests for such emails one IP may make per hour, whatever the addresses. */
    public Limit mailRequestsPerIp() {
        return mailRequestsPerIp;
    }

    /** "Someone tried to sign up with your address" emails per address per day. */
    public Limit duplicateSignupNotices() {
        return duplicateSignupNotices;
    }

    /**
     * "Your account was locked" emails per account per day: anyone can lock an address by guessing, again
     * every time the lock ends, and must not be able to flood its owner with notices that way.
     */
    public Limit lockNotices() {
        return lockNotices;
    }

    public Limit emailChangePerUser() {
        return emailChangePerUser;
    }

    /** New passwords one IP may set through reset links per hour: each costs an Argon2id hash. */
    public Limit resetConfirmsPerIp() {
        return resetConfirmsPerIp;
    }
}

package dev.penguinmails.identity.accounts;

import dev.penguinmails.shared.ratelimit.Limit;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The tunable numbers of accounts and logins, bound from {@code penguinmails.auth.*}: token lifetimes,
 * lockout ({@code lockout.*}), and the throttles that keep guessing and mail-bombing expensive
 * ({@code throttle.*}). The throttles are configured as counts; {@link #loginPerIp()} and its siblings
 * give them with their windows.
 *
 * @param accessTokenTtl    lifetime of an access token ({@code access-token-ttl}, 15 minutes)
 * @param sessionTtl        how long a login session, and so its refresh tokens, lasts from sign-in
 *                          ({@code session-ttl}, 30 days)
 * @param refreshReuseGrace how soon after its refresh a refresh token presented again gets the same pair
 *                          (parallel tabs) instead of revoking the session ({@code refresh-reuse-grace}, 20 s)
 * @param lockout           when failed logins lock an account
 * @param throttle          the per-network, per-address and per-account throttles
 */
@ConfigurationProperties(AuthSettings.PREFIX)
public record AuthSettings(@Bindable(defaultValue = "15m") Duration accessTokenTtl,
                           @Bindable(defaultValue = "30d") Duration sessionTtl,
                           @Bindable(defaultValue = "20s") Duration refreshReuseGrace,
                           Lockout lockout,
                           Throttle throttle) {
    public static final String PREFIX = "penguinmails.auth";

    /**
     * Lockout, bound from {@code penguinmails.auth.lockout.*}.
     *
     * @param threshold consecutive failed logins that lock an account (5, at least 1)
     * @param duration  how long a lock lasts (15 minutes)
     */
    @ConfigurationProperties("lockout")
    public record Lockout(@Bindable(defaultValue = "5") int threshold,
                          @Bindable(defaultValue = "15m") Duration duration) {
        public Lockout {
            if (threshold < 1) {
                throw new IllegalArgumentException(PREFIX + ".lockout.threshold must be at least 1");
            }
        }
    }

    /**
     * Throttles, bound from {@code penguinmails.auth.throttle.*}; each is a count per the window its name says.
     *
     * @param loginPerIpPerMinute               login attempts per network (30)
     * @param loginPerAccountPerMinute          login attempts per address (10)
     * @param signupPerIpPerHour                sign-ups per network (20)
     * @param mailPerAddressPerHour             emails one address may be sent on request, verification or reset (3)
     * @param mailRequestsPerIpPerHour          requests for such emails per network, whatever the addresses (30)
     * @param duplicateSignupNoticesPerDay      "someone tried to sign up with your address" emails per address (3)
     * @param lockNoticesPerDay                 "your account was locked" emails per account (3)
     * @param emailChangePerUserPerHour         address changes one person may start (5)
     * @param resetConfirmsPerIpPerHour         new passwords one network may set through reset links (20)
     */
    @ConfigurationProperties("throttle")
    public record Throttle(@Bindable(defaultValue = "30") int loginPerIpPerMinute,
                           @Bindable(defaultValue = "10") int loginPerAccountPerMinute,
                           @Bindable(defaultValue = "20") int signupPerIpPerHour,
                           @Bindable(defaultValue = "3") int mailPerAddressPerHour,
                           @Bindable(defaultValue = "30") int mailRequestsPerIpPerHour,
                           @Bindable(defaultValue = "3") int duplicateSignupNoticesPerDay,
                           @Bindable(defaultValue = "3") int lockNoticesPerDay,
                           @Bindable(defaultValue = "5") int emailChangePerUserPerHour,
                           @Bindable(defaultValue = "20") int resetConfirmsPerIpPerHour) {
        public Throttle {
            // Checked here, not on first use, so that a bad count stops the function at start.
            atLeastOne("login-per-ip-per-minute", loginPerIpPerMinute);
            atLeastOne("login-per-account-per-minute", loginPerAccountPerMinute);
            atLeastOne("signup-per-ip-per-hour", signupPerIpPerHour);
            atLeastOne("mail-per-address-per-hour", mailPerAddressPerHour);
            atLeastOne("mail-requests-per-ip-per-hour", mailRequestsPerIpPerHour);
            atLeastOne("duplicate-signup-notices-per-day", duplicateSignupNoticesPerDay);
            atLeastOne("lock-notices-per-day", lockNoticesPerDay);
            atLeastOne("email-change-per-user-per-hour", emailChangePerUserPerHour);
            atLeastOne("reset-confirms-per-ip-per-hour", resetConfirmsPerIpPerHour);
        }

        private static void atLeastOne(String key, int count) {
            if (count < 1) {
                throw new IllegalArgumentException(PREFIX + ".throttle." + key + " must be at least 1: " + count);
            }
        }
    }

    /** Consecutive failed logins that lock an account (5). */
    public int lockoutThreshold() {
        return lockout.threshold();
    }

    /** How long a lock lasts (15 minutes). */
    public Duration lockoutDuration() {
        return lockout.duration();
    }

    public Limit loginPerIp() {
        return Limit.perMinute(throttle.loginPerIpPerMinute());
    }

    public Limit loginPerAccount() {
        return Limit.perMinute(throttle.loginPerAccountPerMinute());
    }

    public Limit signupPerIp() {
        return Limit.perHour(throttle.signupPerIpPerHour());
    }

    /** Emails one address may be sent on request (verification, reset) per hour. */
    public Limit mailPerAddress() {
        return Limit.perHour(throttle.mailPerAddressPerHour());
    }

    /** Requests for such emails one IP may make per hour, whatever the addresses. */
    public Limit mailRequestsPerIp() {
        return Limit.perHour(throttle.mailRequestsPerIpPerHour());
    }

    /** "Someone tried to sign up with your address" emails per address per day. */
    public Limit duplicateSignupNotices() {
        return Limit.of(throttle.duplicateSignupNoticesPerDay(), Duration.ofDays(1));
    }

    /**
     * "Your account was locked" emails per account per day: anyone can lock an address by guessing, again
     * every time the lock ends, and must not be able to flood its owner with notices that way.
     */
    public Limit lockNotices() {
        return Limit.of(throttle.lockNoticesPerDay(), Duration.ofDays(1));
    }

    public Limit emailChangePerUser() {
        return Limit.perHour(throttle.emailChangePerUserPerHour());
    }

    /** New passwords one IP may set through reset links per hour: each costs an Argon2id hash. */
    public Limit resetConfirmsPerIp() {
        return Limit.perHour(throttle.resetConfirmsPerIpPerHour());
    }
}

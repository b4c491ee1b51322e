package dev.penguinmails.identity.login;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.AccountLocked;
import dev.penguinmails.events.identity.accounts.NewDeviceLogin;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import dev.penguinmails.identity.accounts.AccountAudit;
import dev.penguinmails.identity.accounts.AccountProblems;
import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.passwords.PasswordHasher;
import dev.penguinmails.identity.sessions.RefreshTokens;
import dev.penguinmails.identity.sessions.RefreshTokens.Rotation;
import dev.penguinmails.identity.sessions.Session;
import dev.penguinmails.identity.sessions.SessionStatus;
import dev.penguinmails.identity.sessions.SessionStore;
import dev.penguinmails.identity.sessions.TokenIssuer;
import dev.penguinmails.identity.sessions.TokenResponse;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.ratelimit.Decision;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, token refresh and sign-out. A login is throttled per network and per address first, then
 * refused while the address is locked; the password is checked with Argon2id even for an unknown
 * address (same cost, same answer), and failures count toward the lock the same way. A success opens
 * a session on the device it came from and, if that device is new, emails the owner. Lock notices are
 * capped per account and day ({@code penguinmails.auth.throttle.lock-notices-per-day}).
 */
@Singleton
public class LoginService {
    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);
    private final UserStore users;
    private final PasswordHasher hasher;
    private final LoginGuard guard;
    private final RateLimiter rateLimiter;
    private final SessionStore sessions;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer issuer;
    private final DeviceRecognizer devices;
    private final LoginActivity activity;
    private final IdentityOutbox outbox;
    private final AccountAudit audit;
    private final AuthSettings settings;
    private final Clock clock = Clock.systemUTC();

    public LoginService(UserStore users, PasswordHasher hasher, LoginGuard guard, RateLimiter rateLimiter,
                        SessionStore sessions, RefreshTokens refreshTokens, TokenIssuer issuer, DeviceRecognizer devices,
                        LoginActivity activity, IdentityOutbox outbox, AccountAudit audit, AuthSettings settings) {
        this.users = users;
        this.hasher = hasher;
        this.guard = guard;
        this.rateLimiter = rateLimiter;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.devices = devices;
        this.activity = activity;
        this.outbox = outbox;
        this.audit = audit;
        this.settings = settings;
    }

    public TokenResponse login(LoginRequest request, ClientInfo client) {
        EmailAddress email = validate(request);
        String normalized = email.normalized();
        throttle(normalized, client);

        Optional<Instant> lockedUntil = guard.lockedUntil(normalized);
        Optional<User> user = users.findByEmail(email).filter(User::isActive);
        if (lockedUntil.isPresent()) {
            user.ifPresent(u -> activity.record(u.userId(), client, LoginOutcome.LOCKED_OUT, null));
            throw AccountProblems.locked(lockedUntil.get(), clock.instant());
        }
        if (user.isEmpty()) {
            hasher.burnEquivalentTime(request.password());
            failed(Optional.empty(), normalized, client);
        }
        User account = user.get();
        if (!hasher.matches(request.password(), account.passwordHash())) {
            failed(user, normalized, client);
        }
        guard.clear(normalized);
        if (hasher.needsRehash(account.passwordHash())) {
            users.upgradeHash(account.userId(), account.passwordHash(), hasher.hash(request.password()));
        }
        return openSession(account, client);
    }

    /** Counts the failure, locks and emails the owner at the threshold; always throws. */
    private void failed(Optional<User> user, String normalized, ClientInfo client) {
        LoginGuard.Failure failure = guard.recordFailure(normalized);
        Instant now = clock.instant();
        if (failure.lockedNowUntil().isPresent()) {
            Instant until = failure.lockedNowUntil().get();
            user.ifPresent(u -> {
                activity.record(u.userId(), client, LoginOutcome.LOCKED_OUT, null);
                audit.anonymous(u.userId(), "auth.login.locked", client, Map.of("lockedUntil", until.toString(),
                        "failedAttempts", Integer.toString(settings.lockoutThreshold())));
                notifyLocked(u, until, client);
            });
            throw AccountProblems.locked(until, now);
        }
        user.ifPresent(u -> {
            activity.record(u.userId(), client, LoginOutcome.WRONG_PASSWORD, null);
            audit.anonymous(u.userId(), "auth.login.failed", client,
                    Map.of("consecutiveFailures", Integer.toString(failure.consecutiveFailures())));
        });
        throw AccountProblems.invalidCredentials();
    }

    /** Emails the owner about the lock, at most a few times a day, so that guessing cannot flood their inbox. */
    private void notifyLocked(User user, Instant until, ClientInfo client) {
        if (!rateLimiter.tryConsume("lock-notice:" + user.userId(), settings.lockNotices()).allowed()) {
            LOG.info("Account {} locked again: notice suppressed, daily limit reached", user.userId());
            return;
        }
        outbox.afterAccountChange(user.userId(), DomainEvent.create(IdentityEvents.ACCOUNT_LOCKED, user.homeWorkspaceId(),
                new AccountLocked(user.userId(), user.email(), user.name(), user.locale(), user.timezone(), until.toString(),
                        settings.lockoutThreshold(), client.ip())), null);
    }

    private TokenResponse openSession(User user, ClientInfo client) {
        Instant now = clock.instant();
        boolean firstLogin = users.recordLogin(user.userId(), now);
        DeviceRecognizer.Recognition recognition = devices.recognize(user.userId(), client, firstLogin);
        Session session = new Session(user.userId(), Ids.newId("ses"), SessionStatus.ACTIVE, now, now,
                now.plus(settings.sessionTtl()), client.ip(), client.userAgent(), recognition.device().label(), null, null);
        sessions.create(session);
        String refresh = refreshTokens.issue(session);
        activity.record(user.userId(), client, LoginOutcome.SUCCEEDED, session.sessionId());
        audit.byUser(user.userId(), "auth.login.succeeded", client,
                Map.of("sessionId", session.sessionId(), "device", recognition.device().label()));
        if (recognition.isNew()) {
            outbox.afterAccountChange(user.userId(), DomainEvent.create(IdentityEvents.ACCOUNT_NEW_DEVICE_LOGIN, user.homeWorkspaceId(),
                    new NewDeviceLogin(user.userId(), user.email(), user.name(), user.locale(), user.timezone(), session.sessionId(),
                            recognition.device().label(), client.ip(), client.userAgent(), now.toString())), null);
        }
        return issuer.issue(user, session, refresh);
    }

    /**
     * Exchanges a refresh token for new tokens. Presented again within the reuse grace window, it gets the
     * same pair (parallel tabs); later, a reused token revokes its whole session.
     */
    public TokenResponse refresh(RefreshRequest request, ClientInfo client) {
        if (request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw ProblemException.invalid("refreshToken", "is required");
        }
        Rotation rotation = refreshTokens.rotate(request.refreshToken(), client, (session, next) -> {
            // The account's current state, so a verification since the last token shows in the new one.
            User user = users.find(session.userId()).filter(User::isActive).orElseThrow(AccountProblems::invalidRefreshToken);
            return issuer.issue(user, session, next);
        });
        if (rotation instanceof Rotation.Reused reused) {
            if (reused.revokedNow()) {
                audit.anonymous(reused.userId(), "auth.refresh_token.reused", client,
                        Map.of("sessionId", reused.sessionId(), "effect", "session revoked"));
            }
            throw AccountProblems.invalidRefreshToken();
        }
        if (!(rotation instanceof Rotation.Rotated rotated)) {
            throw AccountProblems.invalidRefreshToken();
        }
        return rotated.tokens();
    }

    public void logout(String userId, String sessionId, ClientInfo client) {
        if (sessions.revoke(userId, sessionId, "logout")) {
            audit.byUser(userId, "auth.logout", client, Map.of("sessionId", sessionId));
        }
    }

    public int logoutEverywhere(String userId, ClientInfo client) {
        int revoked = sessions.revokeAll(userId, "logout-all");
        audit.byUser(userId, "auth.logout_all", client, Map.of("sessionsRevoked", Integer.toString(revoked)));
        return revoked;
    }

    private void throttle(String normalized, ClientInfo client) {
        Decision byIp = rateLimiter.tryConsume("login-ip:" + client.network(), settings.loginPerIp());
        byIp.orThrow("Too many sign-in attempts from your network; try again later.");
        Decision byAccount = rateLimiter.tryConsume("login-account:" + SecretHash.sha256Hex(normalized),
                settings.loginPerAccount());
        if (!byAccount.allowed()) {
            users.findByEmail(new EmailAddress(normalized))
                    .ifPresent(u -> activity.record(u.userId(), client, LoginOutcome.THROTTLED, null));
            byAccount.orThrow("Too many sign-in attempts for this account; try again later.");
        }
    }

    private static EmailAddress validate(LoginRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.email() == null || request.email().isBlank()) {
            errors.add(new FieldError("email", "is required"));
        } else if (!EmailAddress.isValid(request.email())) {
            errors.add(new FieldError("email", "is not a valid email address"));
        }
        if (request.password() == null || request.password().isEmpty()) {
            errors.add(new FieldError("password", "is required"));
        } else if (request.password().length() > 1024) {
            // Longer than any password we accept; refusing it keeps Argon2id's input bounded.
            errors.add(new FieldError("password", "is too long"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new EmailAddress(request.email());
    }
}

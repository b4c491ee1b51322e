package dev.penguinmails.identity.accounts;

import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The problems accounts and logins answer with (type URIs {@code https://penguinmails.dev/problems/<slug>}). */
public final class AccountProblems {
    public static final ProblemType WEAK_PASSWORD = ProblemType.of("weak-password", "The password is too weak", 400);
    public static final ProblemType INVALID_CREDENTIALS =
            ProblemType.of("invalid-credentials", "The email or password is not correct", 401);
    public static final ProblemType ACCOUNT_LOCKED = ProblemType.of("account-locked", "The account is locked", 429);
    public static final ProblemType INVALID_REFRESH_TOKEN =
            ProblemType.of("invalid-refresh-token", "The refresh token is not valid", 401);
    public static final ProblemType EMAIL_UNAVAILABLE =
            ProblemType.of("email-unavailable", "The email address cannot be used", 409);
    public static final ProblemType INVALID_PASSWORD =
            ProblemType.of("invalid-password", "The current password is not correct", 403);

    private AccountProblems() { }

    /** 400 {@code weak-password}, one field error per reason the estimator gave. */
    public static ProblemException weakPassword(String field, List<String> reasons) {
        return new ProblemException(WEAK_PASSWORD, "Choose a stronger password.",
                reasons.stream().map(r -> new FieldError(field, r)).toList(), Map.of());
    }

    /** 401 {@code invalid-credentials}: the same for an unknown address and a wrong password. */
    public static ProblemException invalidCredentials() {
        return new ProblemException(INVALID_CREDENTIALS, "The email or password is not correct.");
    }

    /** 429 {@code account-locked} with Retry-After until {@code lockedUntil}. */
    public static ProblemException locked(Instant lockedUntil, Instant now) {
        Duration wait = Duration.between(now, lockedUntil);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(ACCOUNT_LOCKED, "Too many failed sign-in attempts. Try again after "
                + lockedUntil + ", or reset your password.", List.of(), Map.of("Retry-After", Long.toString(seconds)));
    }

    public static ProblemException invalidRefreshToken() {
        return new ProblemException(INVALID_REFRESH_TOKEN,
                "The refresh token is invalid, expired or already used. Sign in again.", List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"penguinmails\", error=\"invalid_token\""));
    }
}

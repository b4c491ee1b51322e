package dev.penguinmails.shared.aws;

import java.time.Duration;

/**
 * How long AWS calls may take inside a function whose Lambda timeout is known: a whole call (retries
 * included) at most a quarter of it, one attempt at most half of that, so that a stuck call fails while
 * the handler still has time to answer or to report a partial batch failure. Without a known timeout
 * the SDK's own call limits stay, under a 30 s socket timeout.
 *
 * @param apiCall    the whole call, all attempts included
 * @param apiAttempt one attempt
 * @param socket     the longest silence on a connection
 * @param connect    opening a connection
 */
public record ClientTimeouts(Duration apiCall, Duration apiAttempt, Duration socket, Duration connect) {
    private static final Duration MIN_ATTEMPT = Duration.ofMillis(500);
    private static final Duration MAX_CONNECT = Duration.ofSeconds(2);

    /** Timeouts for a function that Lambda stops after {@code functionTimeout}. */
    public static ClientTimeouts within(Duration functionTimeout) {
        if (functionTimeout.isNegative() || functionTimeout.isZero()) {
            throw new IllegalArgumentException("a function timeout is positive: " + functionTimeout);
        }
        Duration call = max(functionTimeout.dividedBy(4), MIN_ATTEMPT.multipliedBy(2));
        Duration attempt = max(call.dividedBy(2), MIN_ATTEMPT);
        return new ClientTimeouts(call, attempt, attempt, min(attempt, MAX_CONNECT));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package dev.penguinmails.sending.scheduling;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The clock enrolment, scheduling and sending read: the system's, or one a test moves forward to reach a
 * follow-up's due time without waiting days.
 */
@Singleton
public class SendingTime {
    private volatile Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /** Replaces the clock (tests and the local stack's demo). */
    public void use(Clock replacement) {
        this.clock = replacement;
    }
}

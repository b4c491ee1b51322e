package dev.penguinmails.sending.sender;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Locale;

/**
 * The claim on one (enrolment, step) send, written BEFORE the email leaves (decision 0052). It holds the Message-ID
 * the email carries, so a resumed send can only ever be the same email.
 *
 * @param attempts how many times the send was tried (temporary failures retry up to a bound)
 */
public record SendClaim(String workspaceId, String enrolmentId, int step, State state, String messageId,
                        String mailboxId, String variant, int attempts, Instant claimedAt,
                        @Nullable String reason, long version) {

    /** Where a claimed send stands. */
    public enum State {
        /** Claimed and being sent: no outcome known yet. */
        CLAIMED,
        /** A temporary failure: may be claimed again for the next attempt. */
        RETRY,
        /** The server accepted it; what follows (record, advance) may still be owed. */
        SENT,
        /** Recorded and the enrolment advanced: nothing left to do. */
        RECORDED,
        /** Never left, and never will (permanent failure or retries exhausted). */
        FAILED,
        /** Claimed, then no outcome within the lease: it may or may not have left; never resent. */
        UNKNOWN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    public SendClaim with(State next, int nextAttempts, Instant at, @Nullable String why) {
        return new SendClaim(workspaceId, enrolmentId, step, next, messageId, mailboxId, variant, nextAttempts, at, why,
                version + 1);
    }
}

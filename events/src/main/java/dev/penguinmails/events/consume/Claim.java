package dev.penguinmails.events.consume;

import java.time.Instant;

/** The answer to "may this consumer process this event now?" from {@link ConsumedEventStore#claim}. */
public sealed interface Claim {

    /** Yes: this caller holds the event until {@code leaseUntil}; it must mark it done or release it. */
    record Acquired(String consumer, String eventId, String token, Instant leaseUntil) implements Claim { }

    /** No: the event was already processed; skip it. */
    record AlreadyDone() implements Claim { }

    /** Not now: another invocation holds it until {@code leaseUntil}; try again later. */
    record Busy(Instant leaseUntil) implements Claim { }
}

package dev.penguinmails.sending.sender;

import java.time.Instant;

/**
 * Whether the workspace's plan lets more emails leave: billing's state as sending keeps it (decision 0065,
 * {@code quota.BillingSendingQuota}). The sender takes a place before it claims a send and gives it back when the
 * email surely did not leave; the scheduler tick reads the allowance once a workspace and tick.
 */
public interface SendingQuota {

    /** What the workspace may still send in the month of {@code at}: nothing while paused, else the places left. */
    Allowance allowance(String workspaceId, Instant at);

    /** Takes one email's place in the month of {@code at}; false while sending is paused or the month is used up. */
    boolean reserve(String workspaceId, Instant at);

    /** As {@link #reserve(String, Instant)}, reading what it reads once per {@code batch}. */
    default boolean reserve(String workspaceId, Instant at, SendBatch batch) {
        return reserve(workspaceId, at);
    }

    /** Gives back the place taken at {@code reservedAt} by a send that certainly did not leave. */
    void giveBack(String workspaceId, Instant reservedAt);

    /** The workspace's standing: paused by billing, and the emails left this month. */
    record Allowance(boolean paused, long remaining) {
        public boolean allowsOne() {
            return !paused && remaining > 0;
        }
    }
}

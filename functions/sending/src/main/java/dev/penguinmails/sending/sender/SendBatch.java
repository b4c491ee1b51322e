package dev.penguinmails.sending.sender;

import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.sending.scheduling.DueIndex;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sends of one invocation (one SQS batch, at most ten tasks), handled on one thread (decision 0082): what they
 * read, in batched reads up front or once for all (campaign, mailbox and domain copies, the plan), and what they
 * owe at the end: the follow-ups' due entries, written together, and the accepted emails' claims, closed with
 * their {@code email.sent} events published in one call.
 */
public final class SendBatch {
    private final Map<String, Object> shared = new HashMap<>();
    private final Map<String, Object> prefetched = new HashMap<>();
    private final Map<String, Accepted> accepted = new LinkedHashMap<>();
    private final Map<String, DueIndex.Due> dues = new LinkedHashMap<>();

    /** An email the server accepted and whose record is written: its claim is {@code sent}, owing {@code owed}. */
    record Accepted(TenantContext tenant, SendClaim claim, @Nullable OutboxEntry owed) { }

    /** The value read under {@code key} earlier in this batch, or {@code read}'s (kept for the batch's other sends). */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Supplier<T> read) {
        Object known = shared.get(key);
        if (known == null) {
            known = read.get();
            shared.put(key, known);
        }
        return (T) known;
    }

    /** Keeps {@code value} for the batch's sends, as if {@link #once} had read it. */
    void share(String key, Object value) {
        shared.put(key, value);
    }

    /** Drops what was read under {@code key} (it changed: the next send reads it again). */
    void forget(String key) {
        shared.remove(key);
    }

    /** Keeps {@code value}, read up front, for the one send that {@link #take takes} it. */
    void prefetched(String key, Object value) {
        prefetched.put(key, value);
    }

    /**
     * The value read up front under {@code key}, handed out once (a second send of the same task, or a later read
     * by the same send, reads afresh: its own writes changed it), else {@code read}'s.
     */
    @SuppressWarnings("unchecked")
    <T> T take(String key, Supplier<T> read) {
        Object known = prefetched.remove(key);
        return known != null ? (T) known : read.get();
    }

    void accepted(TenantContext tenant, SendClaim claim, @Nullable OutboxEntry owed) {
        accepted.put(tenant.workspaceId() + "#" + claim.enrolmentId() + "#" + claim.step(), new Accepted(tenant, claim, owed));
    }

    void due(DueIndex.Due due) {
        dues.put(due.workspaceId() + "#" + due.enrolmentId() + "#" + due.step(), due);
    }

    /** The accepted emails so far, handed over once. */
    List<Accepted> drainAccepted() {
        List<Accepted> out = new ArrayList<>(accepted.values());
        accepted.clear();
        return out;
    }

    /** The due entries owed so far, handed over once. */
    List<DueIndex.Due> drainDues() {
        List<DueIndex.Due> out = new ArrayList<>(dues.values());
        dues.clear();
        return out;
    }
}

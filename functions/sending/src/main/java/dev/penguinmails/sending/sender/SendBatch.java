package dev.penguinmails.sending.sender;

import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sends of one invocation (one SQS batch, at most ten tasks), handled on one thread (decision 0082): the reads
 * they share, made once (campaign, mailbox and domain copies, the plan), and the accepted emails whose claims are
 * closed together at the end, their {@code email.sent} events published in one call.
 */
public final class SendBatch {
    private final Map<String, Object> reads = new HashMap<>();
    private final Map<String, Accepted> accepted = new LinkedHashMap<>();

    /** An email the server accepted and whose record is written: its claim is {@code sent}, owing {@code owed}. */
    record Accepted(TenantContext tenant, SendClaim claim, @Nullable OutboxEntry owed) { }

    /** The value read under {@code key} earlier in this batch, or {@code read}'s. */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Supplier<T> read) {
        Object known = reads.get(key);
        if (known == null) {
            known = read.get();
            reads.put(key, known);
        }
        return (T) known;
    }

    /** Drops what was read under {@code key} (it changed: the next send reads it again). */
    void forget(String key) {
        reads.remove(key);
    }

    void accepted(TenantContext tenant, SendClaim claim, @Nullable OutboxEntry owed) {
        accepted.put(tenant.workspaceId() + "#" + claim.enrolmentId() + "#" + claim.step(), new Accepted(tenant, claim, owed));
    }

    /** The accepted emails so far, handed over once. */
    List<Accepted> drainAccepted() {
        List<Accepted> out = new ArrayList<>(accepted.values());
        accepted.clear();
        return out;
    }
}

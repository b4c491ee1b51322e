package dev.penguinmails.identity.outbox;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.audit.AuditEntry;
import dev.penguinmails.identity.audit.AuditLog;
import dev.penguinmails.identity.workspaces.WorkspaceItems;
import dev.penguinmails.identity.store.IdentityTable;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Identity's use of the {@link Outbox}: the event and audit entry a change owes become one
 * {@link OutboxEntry}, written with the change (stores take it) or, where the change cannot carry it
 * (deletions, account-level changes), staged right after it on the workspace or user item. Either way
 * it is delivered at once if the bus answers, and by the {@code relay-events} job otherwise; it never
 * turns a committed change into an error.
 */
@Singleton
public class IdentityOutbox {
    private final Outbox outbox;
    private final IdentityTable table;
    private final AuditLog audit;

    public IdentityOutbox(Outbox outbox, IdentityTable table, AuditLog audit) {
        this.outbox = outbox;
        this.table = table;
        this.audit = audit;
    }

    /** What a change owes: an event, an audit entry, or both. Checks the event's schema now, before any write. */
    public OutboxEntry owe(@Nullable DomainEvent<?> event, @Nullable AuditEntry auditEntry) {
        Outbox.Builder entry = outbox.entry();
        if (event != null) {
            entry.event(event);
        }
        if (auditEntry != null) {
            entry.put(audit.item(auditEntry));
        }
        return entry.build();
    }

    /** Delivers {@code entry}, written with the change to the item at {@code key}; never throws. */
    public void deliver(Map<String, AttributeValue> key, OutboxEntry entry) {
        outbox.deliver(table.name(), key, entry);
    }

    /** Stages what a workspace-level change owes on the workspace item and delivers it. */
    public void afterWorkspaceChange(String workspaceId, @Nullable DomainEvent<?> event, @Nullable AuditEntry auditEntry) {
        stageAndDeliver(WorkspaceItems.key(workspaceId), owe(event, auditEntry));
    }

    /** Stages what an account-level change (or request) owes on the user item and delivers it. */
    public void afterAccountChange(String userId, @Nullable DomainEvent<?> event, @Nullable AuditEntry auditEntry) {
        stageAndDeliver(AccountKeys.user(userId), owe(event, auditEntry));
    }

    /**
     * Moves what a deleted item of {@code workspaceId} still owed onto the workspace item and delivers it,
     * so deleting an item never drops the events of its earlier changes.
     */
    public void rehomeFromDeleted(@Nullable Map<String, AttributeValue> deletedItem, String workspaceId) {
        for (OutboxEntry entry : outbox.pendingOn(deletedItem)) {
            stageAndDeliver(WorkspaceItems.key(workspaceId), entry);
        }
    }

    /** Stages {@code entry} on the user item, for a change that completes after staging; see {@link #deliverForAccount}. */
    public void stageOnAccount(String userId, OutboxEntry entry) {
        if (!outbox.stage(table.name(), AccountKeys.user(userId), entry)) {
            throw new IllegalStateException("user " + userId + " vanished before its change could be recorded");
        }
    }

    /** Delivers an entry staged with {@link #stageOnAccount}; never throws. */
    public void deliverForAccount(String userId, OutboxEntry entry) {
        deliver(AccountKeys.user(userId), entry);
    }

    private void stageAndDeliver(Map<String, AttributeValue> key, OutboxEntry entry) {
        if (outbox.stage(table.name(), key, entry)) {
            deliver(key, entry);
        } else {
            // The carrier item is gone (purged meanwhile): nothing is left for the relay to find, so try once.
            outbox.deliverUnstaged(table.name(), entry);
        }
    }
}

package dev.penguinmails.identity.accounts;

import dev.penguinmails.identity.audit.ActorKind;
import dev.penguinmails.identity.audit.AuditEntry;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;

/**
 * Records account-level security actions (sign-ups, logins, lockouts, token reuse, password and
 * address changes) in the audit trail, under the account they concern. Entries travel in the outbox of
 * the user item, with the event the action owes if any, so neither is lost once the action has happened.
 */
@Singleton
public class AccountAudit {
    private final IdentityOutbox outbox;

    public AccountAudit(IdentityOutbox outbox) {
        this.outbox = outbox;
    }

    /** {@code userId} did {@code action} to their own account. */
    public void byUser(String userId, String action, ClientInfo client, Map<String, String> details) {
        byUser(userId, action, client, details, null);
    }

    /** As {@link #byUser(String, String, ClientInfo, Map)}, together with the {@code event} the action owes. */
    public void byUser(String userId, String action, ClientInfo client, Map<String, String> details,
                       @Nullable DomainEvent<?> event) {
        outbox.afterAccountChange(userId, event, entryByUser(userId, action, client, details));
    }

    /** The entry {@link #byUser} records, for a change that carries it in its own outbox. */
    public AuditEntry entryByUser(String userId, String action, ClientInfo client, Map<String, String> details) {
        return new AuditEntry(null, userId, ActorKind.USER, action, "user", userId, client.ip(),
                client.userAgent(), Instant.now(), details);
    }

    /** Someone not (yet) authenticated did {@code action} concerning {@code userId}'s account, e.g. a failed login. */
    public void anonymous(String userId, String action, ClientInfo client, Map<String, String> details) {
        outbox.afterAccountChange(userId, null, new AuditEntry(null, ClientInfo.UNKNOWN.equals(client.ip()) ? "anonymous" : "ip:" + client.ip(),
                ActorKind.ANONYMOUS, action, "user", userId, client.ip(), client.userAgent(), Instant.now(), details));
    }
}

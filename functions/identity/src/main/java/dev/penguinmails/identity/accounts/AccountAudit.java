package dev.penguinmails.identity.accounts;

import dev.penguinmails.identity.audit.ActorKind;
import dev.penguinmails.identity.audit.AuditEntry;
import dev.penguinmails.identity.audit.AuditLog;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;

/**
 * Records account-level security actions (sign-ups, logins, lockouts, token reuse, password and
 * address changes) in the audit trail, under the account they concern.
 */
@Singleton
public class AccountAudit {
    private final AuditLog log;

    public AccountAudit(AuditLog log) {
        this.log = log;
    }

    /** {@code userId} did {@code action} to their own account. */
    public void byUser(String userId, String action, ClientInfo client, Map<String, String> details) {
        log.record(new AuditEntry(null, userId, ActorKind.USER, action, "user", userId, client.ip(),
                client.userAgent(), Instant.now(), details));
    }

    /** Someone not (yet) authenticated did {@code action} concerning {@code userId}'s account, e.g. a failed login. */
    public void anonymous(String userId, String action, ClientInfo client, Map<String, String> details) {
        log.record(new AuditEntry(null, ClientInfo.UNKNOWN.equals(client.ip()) ? "anonymous" : "ip:" + client.ip(),
                ActorKind.ANONYMOUS, action, "user", userId, client.ip(), client.userAgent(), Instant.now(), details));
    }
}

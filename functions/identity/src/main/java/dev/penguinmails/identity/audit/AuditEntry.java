package dev.penguinmails.identity.audit;

import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.shared.auth.Principal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One security-relevant action: who ({@code actorId} of {@code actorKind}) did what ({@code action},
 * e.g. {@code member.role_changed}) to which target, when and from where. Entries with a workspace are
 * listed to that workspace's admins and owners; account-level entries (no workspace) are kept under
 * the acting user.
 *
 * @param details a few short facts that make the entry readable on its own (e.g. {@code from}/{@code to}
 *                of a role change); never secrets or tokens
 */
public record AuditEntry(@Nullable String workspaceId, String actorId, ActorKind actorKind, String action,
                         @Nullable String targetType, @Nullable String targetId, @Nullable String ip,
                         @Nullable String userAgent, Instant occurredAt, Map<String, String> details) {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    static final int MAX_DETAILS = 20;
    static final int MAX_DETAIL_LENGTH = 500;

    public AuditEntry {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an audit action is dotted lower-case words, e.g. member.role_changed: " + action);
        }
        details = details == null ? Map.of() : Map.copyOf(new TreeMap<>(details));
        if (details.size() > MAX_DETAILS || details.values().stream().anyMatch(v -> v == null || v.length() > MAX_DETAIL_LENGTH)) {
            throw new IllegalArgumentException("audit details are a few short, non-null values");
        }
    }

    /** An entry for {@code actor} acting through {@code request}, now. */
    public static AuditEntry of(HttpRequest<?> request, Principal actor, @Nullable String workspaceId, String action,
                                @Nullable String targetType, @Nullable String targetId, Map<String, String> details) {
        ClientInfo client = ClientInfo.of(request);
        return new AuditEntry(workspaceId, actor.id(), ActorKind.of(actor.kind()), action, targetType, targetId,
                known(client.ip()), known(client.userAgent()), Instant.now(), details);
    }

    private static String known(String value) {
        return ClientInfo.UNKNOWN.equals(value) ? null : value;
    }

    /** An entry for work no request started (scheduled jobs). */
    public static AuditEntry system(String workspaceId, String job, String action, @Nullable String targetType,
                                    @Nullable String targetId, Map<String, String> details) {
        return new AuditEntry(workspaceId, job, ActorKind.SYSTEM, action, targetType, targetId, null, null,
                Instant.now(), details);
    }
}

package dev.penguinmails.identity.invitations;

import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.shared.tenancy.TenantQuery;
import dev.penguinmails.shared.tenancy.TenantTable;
import dev.penguinmails.shared.tenancy.TenantTables;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Invitations in the workspace's {@code INVITATIONS} partition ({@code pk WS#<id>#INVITATIONS,
 * sk <invitationId>}), through the tenant table: every call needs the workspace's context, and every
 * change is conditional on the version read before it, so two racing changes cannot both win.
 * An invitation is kept for {@link #KEEP} after its last change, then TTL removes it.
 */
@Singleton
public class InvitationStore {
    static final String PARTITION = "INVITATIONS";
    static final Duration KEEP = Duration.ofDays(30);

    private final TenantTable table;

    public InvitationStore(TenantTables tables) {
        this.table = tables.table("identity");
    }

    public void create(TenantContext tenant, Invitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("invitationId", s(invitation.invitationId()));
        item.put("workspaceId", s(invitation.workspaceId()));
        item.put("email", s(invitation.email()));
        item.put("emailNormalized", s(invitation.emailNormalized()));
        item.put("role", s(invitation.role().wireName()));
        item.put("status", s(invitation.status().name()));
        item.put("invitedBy", s(invitation.invitedBy()));
        item.put("createdAt", s(invitation.createdAt().toString()));
        item.put("sendCount", n(invitation.sendCount()));
        if (invitation.lastSentAt() != null) {
            item.put("lastSentAt", s(invitation.lastSentAt().toString()));
        }
        item.put(IdentityTable.EXPIRES_AT, n(invitation.createdAt().plus(KEEP).getEpochSecond()));
        table.create(tenant, PARTITION, invitation.invitationId(), item);
    }

    public Optional<Invitation> get(TenantContext tenant, String invitationId) {
        return table.get(tenant, PARTITION, invitationId).map(InvitationStore::read);
    }

    /** Newest first (invitation ids sort by creation time). */
    public Page<Invitation> list(TenantContext tenant, PageRequest page) {
        return table.query(tenant, TenantQuery.partition(PARTITION).inDescendingOrder(), page).map(InvitationStore::read);
    }

    /** A resend: one more send, now. */
    public Invitation recordSend(TenantContext tenant, Invitation current, Instant now) {
        return update(tenant, current, Map.of("sendCount", n(current.sendCount() + 1L), "lastSentAt", s(now.toString()),
                IdentityTable.EXPIRES_AT, n(now.plus(KEEP).getEpochSecond())));
    }

    /** Stores the hash of a freshly minted link; the previous link stops working. */
    public Invitation storeToken(TenantContext tenant, Invitation current, String tokenHash, Instant expiresAt) {
        Map<String, AttributeValue> changes = new HashMap<>();
        changes.put("tokenHash", s(tokenHash));
        changes.put("tokenExpiresAt", n(expiresAt.getEpochSecond()));
        changes.put(IdentityTable.EXPIRES_AT, n(expiresAt.plus(KEEP).getEpochSecond()));
        return update(tenant, current, changes);
    }

    /**
     * Marks a pending invitation accepted by {@code userId}, before the membership exists: conditional on the
     * version read, so a revoke or resend at the same moment makes this fail (and nobody joins) instead of
     * racing it. The link's hash stays, so that the same invitee can finish with the same link.
     */
    public Invitation markAccepted(TenantContext tenant, Invitation current, String userId, Instant now) {
        Map<String, AttributeValue> changes = new HashMap<>();
        changes.put("status", s(InvitationStatus.ACCEPTED.name()));
        changes.put("acceptedBy", s(userId));
        changes.put("acceptedAt", s(now.toString()));
        changes.put(IdentityTable.EXPIRES_AT, n(now.plus(KEEP).getEpochSecond()));
        return update(tenant, current, changes);
    }

    /** Records that the membership of an accepted invitation exists: the link cannot add it ever again. */
    public Invitation markJoined(TenantContext tenant, Invitation accepted, Instant now) {
        return update(tenant, accepted, Map.of("joinedAt", s(now.toString())));
    }

    public Invitation markRevoked(TenantContext tenant, Invitation current, String actorId, Instant now) {
        Map<String, AttributeValue> changes = new HashMap<>();
        changes.put("status", s(InvitationStatus.REVOKED.name()));
        changes.put("revokedBy", s(actorId));
        changes.put("revokedAt", s(now.toString()));
        changes.put("tokenHash", null);
        changes.put(IdentityTable.EXPIRES_AT, n(now.plus(KEEP).getEpochSecond()));
        return update(tenant, current, changes);
    }

    private Invitation update(TenantContext tenant, Invitation current, Map<String, AttributeValue> changes) {
        return read(table.update(tenant, PARTITION, current.invitationId(), current.version(), changes));
    }

    static Invitation read(Map<String, AttributeValue> item) {
        return new Invitation(
                str(item, "invitationId"),
                str(item, "workspaceId"),
                str(item, "email"),
                str(item, "emailNormalized"),
                Role.fromWire(str(item, "role")).orElse(Role.VIEWER),
                InvitationStatus.valueOf(str(item, "status")),
                str(item, "invitedBy"),
                Instant.parse(str(item, "createdAt")),
                IdentityTable.number(item, "sendCount").map(Long::intValue).orElse(0),
                IdentityTable.string(item, "lastSentAt").map(Instant::parse).orElse(null),
                IdentityTable.string(item, "tokenHash").orElse(null),
                IdentityTable.number(item, "tokenExpiresAt").map(Instant::ofEpochSecond).orElse(null),
                IdentityTable.string(item, "acceptedBy").orElse(null),
                IdentityTable.string(item, "acceptedAt").map(Instant::parse).orElse(null),
                IdentityTable.string(item, "joinedAt").map(Instant::parse).orElse(null),
                IdentityTable.number(item, "version").orElse(1L));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        return IdentityTable.string(item, name).orElseThrow(() -> new IllegalStateException("invitation lacks " + name));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

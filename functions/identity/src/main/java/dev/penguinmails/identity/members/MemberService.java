package dev.penguinmails.identity.members;

import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.members.MemberLeft;
import dev.penguinmails.events.identity.members.MemberRemoved;
import dev.penguinmails.events.identity.members.MemberRoleChanged;
import dev.penguinmails.events.identity.workspaces.OwnershipTransferred;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.apikeys.ApiKey;
import dev.penguinmails.identity.apikeys.ApiKeyService;
import dev.penguinmails.identity.audit.ActorKind;
import dev.penguinmails.identity.audit.AuditEntry;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.identity.workspaces.Workspace;
import dev.penguinmails.identity.workspaces.WorkspaceStore;
import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.PermissionMatrix;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Membership rules. Nobody acts on a role at or above their own, nor grants one (owners excepted), but
 * anyone may step down. The primary owner (the workspace's {@code ownerId}) cannot leave, be removed
 * or be demoted until they transfer ownership, and no owner can while they are the only one
 * ({@code last-owner}), so a workspace always has an owner. The API keys a person created go with their
 * standing: all of them when they leave or are removed, those beyond their new role when demoted.
 */
@Singleton
public class MemberService {
    private final MemberStore members;
    private final MemberProfiles profiles;
    private final WorkspaceStore workspaces;
    private final IdentityOutbox outbox;
    private final ApiKeyService apiKeys;

    public MemberService(MemberStore members, MemberProfiles profiles, WorkspaceStore workspaces, IdentityOutbox outbox,
                         ApiKeyService apiKeys) {
        this.members = members;
        this.profiles = profiles;
        this.workspaces = workspaces;
        this.outbox = outbox;
        this.apiKeys = apiKeys;
    }

    public Page<MemberView> list(TenantContext tenant, PageRequest page) {
        String primary = workspace(tenant).ownerId();
        Page<Member> found = members.list(tenant, page);
        Map<String, MemberProfiles.Profile> byId = profiles.of(found.items().stream().map(Member::userId).toList());
        return found.map(m -> MemberView.of(m, byId.get(m.userId()), primary));
    }

    public MemberView changeRole(TenantContext tenant, Principal actor, String userId, Role role, HttpRequest<?> request) {
        Member target = members.get(tenant, userId).orElseThrow(MemberProblems::noSuchMember);
        Role actorRole = tenant.role();
        boolean steppingDown = userId.equals(actor.id()) && role.ordinal() > target.role().ordinal();
        if (!steppingDown && (!actorRole.outranksOrIsOwner(target.role()) || !actorRole.outranksOrIsOwner(role))) {
            throw MemberProblems.outranked();
        }
        Workspace workspace = workspace(tenant);
        if (target.role() == role) {
            return view(target, workspace);
        }
        if (target.role() == Role.OWNER) {
            requireNotPrimaryOwner(tenant, workspace, userId);
            requireAnotherOwner(tenant, userId);
        }
        // A key can do no more than its creator may: keys granting what the new role lacks stop now. First, so
        // that no failure after the role change can leave them working.
        revokeKeysOf(tenant, userId, key -> !withinRole(key, role), actor, request, "creator-demoted");
        OutboxEntry owed = outbox.owe(DomainEvent.create(IdentityEvents.MEMBER_ROLE_CHANGED, tenant.workspaceId(),
                new MemberRoleChanged(userId, target.role().wireName(), role.wireName(), actor.id())),
                AuditEntry.of(request, actor, tenant.workspaceId(), "member.role_changed", "user", userId,
                        Map.of("from", target.role().wireName(), "to", role.wireName())));
        Member changed = members.changeRole(tenant, userId, target.role(), role, owed);
        outbox.deliver(IdentityKeys.member(tenant.workspaceId(), userId), owed);
        return view(changed, workspace);
    }

    /** Removes a member; removing yourself is leaving. */
    public void remove(TenantContext tenant, Principal actor, String userId, HttpRequest<?> request) {
        if (userId.equals(actor.id())) {
            leave(tenant, actor, request);
            return;
        }
        Member target = members.get(tenant, userId).orElseThrow(MemberProblems::noSuchMember);
        if (!tenant.role().outranksOrIsOwner(target.role())) {
            throw MemberProblems.outranked();
        }
        if (target.role() == Role.OWNER) {
            requireNotPrimaryOwner(tenant, workspace(tenant), userId);
            requireAnotherOwner(tenant, userId);
        }
        // Keys first: once the membership is gone, a retry could no longer find them through it.
        revokeKeysOf(tenant, userId, key -> true, actor, request, "creator-removed");
        members.remove(tenant, userId, target.role());
        outbox.afterWorkspaceChange(tenant.workspaceId(), DomainEvent.create(IdentityEvents.MEMBER_REMOVED, tenant.workspaceId(),
                new MemberRemoved(userId, target.role().wireName(), actor.id())),
                AuditEntry.of(request, actor, tenant.workspaceId(), "member.removed", "user", userId,
                Map.of("role", target.role().wireName())));
    }

    public void leave(TenantContext tenant, Principal actor, HttpRequest<?> request) {
        String userId = actor.requireUser();
        Member me = members.get(tenant, userId).orElseThrow(MemberProblems::noSuchMember);
        if (me.role() == Role.OWNER) {
            requireNotPrimaryOwner(tenant, workspace(tenant), userId);
            requireAnotherOwner(tenant, userId);
        }
        revokeKeysOf(tenant, userId, key -> true, actor, request, "creator-left");
        members.remove(tenant, userId, me.role());
        outbox.afterWorkspaceChange(tenant.workspaceId(), DomainEvent.create(IdentityEvents.MEMBER_LEFT, tenant.workspaceId(), new MemberLeft(userId, me.role().wireName())),
                AuditEntry.of(request, actor, tenant.workspaceId(), "member.left", "user", userId,
                Map.of("role", me.role().wireName())));
    }

    /**
     * Makes another member the primary owner. Ordered, retry-safe steps: promote them to owner, move
     * {@code ownerId}, then give the previous owner {@code previousOwnerRole} (default admin). A crash in
     * between leaves two owners, never none.
     */
    public List<MemberView> transferOwnership(TenantContext tenant, Principal actor, String newOwnerId,
                                              Role previousOwnerRole, HttpRequest<?> request) {
        String actorId = actor.requireUser();
        Workspace workspace = workspace(tenant);
        if (!actorId.equals(workspace.ownerId())) {
            throw ProblemException.forbidden("Only the workspace's primary owner can transfer ownership.");
        }
        if (newOwnerId.equals(actorId)) {
            throw ProblemException.invalid("userId", "is already the primary owner");
        }
        Member target = members.get(tenant, newOwnerId)
                .orElseThrow(() -> ProblemException.invalid("userId", "is not a member of this workspace"));
        Instant now = Instant.now();
        if (target.role() != Role.OWNER) {
            members.changeRole(tenant, newOwnerId, target.role(), Role.OWNER);
        }
        Workspace moved = workspaces.changeOwner(tenant, actorId, newOwnerId, now)
                .orElseThrow(() -> ProblemException.conflict("The workspace changed meanwhile; reload it and try again."));
        if (previousOwnerRole != Role.OWNER) {
            // The new owner may have left meanwhile; stepping down then would leave nobody in charge.
            if (members.get(tenant, newOwnerId).filter(m -> m.role() == Role.OWNER).isEmpty()) {
                throw ProblemException.conflict("The new owner left or was changed meanwhile; you stay an owner.");
            }
            revokeKeysOf(tenant, actorId, key -> !withinRole(key, previousOwnerRole), actor, request, "creator-demoted");
            members.changeRole(tenant, actorId, Role.OWNER, previousOwnerRole);
        }
        outbox.afterWorkspaceChange(tenant.workspaceId(), DomainEvent.create(IdentityEvents.WORKSPACE_OWNERSHIP_TRANSFERRED, tenant.workspaceId(),
                new OwnershipTransferred(actorId, newOwnerId, previousOwnerRole.wireName())),
                AuditEntry.of(request, actor, tenant.workspaceId(), "workspace.ownership_transferred", "user",
                newOwnerId, Map.of("previousOwner", actorId, "previousOwnerRole", previousOwnerRole.wireName())));
        return List.of(
                view(members.get(tenant, newOwnerId).orElseThrow(MemberProblems::noSuchMember), moved),
                view(members.get(tenant, actorId).orElseThrow(MemberProblems::noSuchMember), moved));
    }

    /**
     * Refuses to take the owner role from {@code userId} when nobody else holds it. The primary-owner check
     * alone cannot see every case: a transfer of ownership changes the owner's record and the roles in
     * separate steps, and a leave racing with it could otherwise leave a workspace without any owner.
     */
    private void requireAnotherOwner(TenantContext tenant, String userId) {
        if (members.owners(tenant).stream().noneMatch(m -> !m.userId().equals(userId))) {
            throw MemberProblems.lastOwner();
        }
    }

    /** Revokes the API keys {@code userId} created in this workspace that {@code which} selects. */
    private void revokeKeysOf(TenantContext tenant, String userId, Predicate<ApiKey> which, Principal actor,
                              HttpRequest<?> request, String reason) {
        apiKeys.revokeCreatedBy(tenant, userId, which, actor.id(), ActorKind.of(actor.kind()), ClientInfo.of(request), reason);
    }

    /** Whether every scope of {@code key} is something {@code role} may do. */
    private static boolean withinRole(ApiKey key, Role role) {
        return key.scopes().stream().allMatch(scope -> Permission.fromScope(scope)
                .map(permission -> PermissionMatrix.allows(role, permission)).orElse(false));
    }

    private void requireNotPrimaryOwner(TenantContext tenant, Workspace workspace, String userId) {
        if (!userId.equals(workspace.ownerId())) {
            return;
        }
        throw members.owners(tenant).size() <= 1 ? MemberProblems.lastOwner() : MemberProblems.primaryOwner();
    }

    private Workspace workspace(TenantContext tenant) {
        return workspaces.get(tenant).orElseThrow(() -> ProblemException.notFound(
                "There is no such workspace, or you are not a member of it."));
    }

    private MemberView view(Member member, Workspace workspace) {
        return MemberView.of(member, profiles.of(List.of(member.userId())).get(member.userId()), workspace.ownerId());
    }
}

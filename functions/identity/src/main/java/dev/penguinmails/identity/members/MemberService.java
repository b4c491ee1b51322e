package dev.penguinmails.identity.members;

import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.members.MemberLeft;
import dev.penguinmails.events.identity.members.MemberRemoved;
import dev.penguinmails.events.identity.members.MemberRoleChanged;
import dev.penguinmails.events.identity.workspaces.OwnershipTransferred;
import dev.penguinmails.identity.audit.AuditEntry;
import dev.penguinmails.identity.audit.AuditLog;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.identity.workspaces.Workspace;
import dev.penguinmails.identity.workspaces.WorkspaceStore;
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

/**
 * Membership rules. Nobody acts on a role at or above their own, nor grants one (owners excepted), but
 * anyone may step down. The primary owner (the workspace's {@code ownerId}) cannot leave, be removed
 * or be demoted until they transfer ownership, so a workspace always has an owner; when they are the
 * only owner that is reported as {@code last-owner}.
 */
@Singleton
public class MemberService {
    private final MemberStore members;
    private final MemberProfiles profiles;
    private final WorkspaceStore workspaces;
    private final AuditLog audit;
    private final EventPublisher events;

    public MemberService(MemberStore members, MemberProfiles profiles, WorkspaceStore workspaces, AuditLog audit,
                         EventPublisher events) {
        this.members = members;
        this.profiles = profiles;
        this.workspaces = workspaces;
        this.audit = audit;
        this.events = events;
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
        }
        Member changed = members.changeRole(tenant, userId, target.role(), role);
        audit.record(AuditEntry.of(request, actor, tenant.workspaceId(), "member.role_changed", "user", userId,
                Map.of("from", target.role().wireName(), "to", role.wireName())));
        events.publish(DomainEvent.create(IdentityEvents.MEMBER_ROLE_CHANGED, tenant.workspaceId(),
                new MemberRoleChanged(userId, target.role().wireName(), role.wireName(), actor.id())));
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
        }
        members.remove(tenant, userId, target.role());
        audit.record(AuditEntry.of(request, actor, tenant.workspaceId(), "member.removed", "user", userId,
                Map.of("role", target.role().wireName())));
        events.publish(DomainEvent.create(IdentityEvents.MEMBER_REMOVED, tenant.workspaceId(),
                new MemberRemoved(userId, target.role().wireName(), actor.id())));
    }

    public void leave(TenantContext tenant, Principal actor, HttpRequest<?> request) {
        String userId = actor.requireUser();
        Member me = members.get(tenant, userId).orElseThrow(MemberProblems::noSuchMember);
        if (me.role() == Role.OWNER) {
            requireNotPrimaryOwner(tenant, workspace(tenant), userId);
        }
        members.remove(tenant, userId, me.role());
        audit.record(AuditEntry.of(request, actor, tenant.workspaceId(), "member.left", "user", userId,
                Map.of("role", me.role().wireName())));
        events.publish(DomainEvent.create(IdentityEvents.MEMBER_LEFT, tenant.workspaceId(), new MemberLeft(userId, me.role().wireName())));
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
            members.changeRole(tenant, actorId, Role.OWNER, previousOwnerRole);
        }
        audit.record(AuditEntry.of(request, actor, tenant.workspaceId(), "workspace.ownership_transferred", "user",
                newOwnerId, Map.of("previousOwner", actorId, "previousOwnerRole", previousOwnerRole.wireName())));
        events.publish(DomainEvent.create(IdentityEvents.WORKSPACE_OWNERSHIP_TRANSFERRED, tenant.workspaceId(),
                new OwnershipTransferred(actorId, newOwnerId, previousOwnerRole.wireName())));
        return List.of(
                view(members.get(tenant, newOwnerId).orElseThrow(MemberProblems::noSuchMember), moved),
                view(members.get(tenant, actorId).orElseThrow(MemberProblems::noSuchMember), moved));
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

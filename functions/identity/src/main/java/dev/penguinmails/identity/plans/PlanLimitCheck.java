package dev.penguinmails.identity.plans;

import dev.penguinmails.identity.invitations.Invitation;
import dev.penguinmails.identity.invitations.InvitationStatus;
import dev.penguinmails.identity.invitations.InvitationStore;
import dev.penguinmails.identity.members.Member;
import dev.penguinmails.identity.members.MemberStore;
import dev.penguinmails.identity.workspaces.Workspace;
import dev.penguinmails.identity.workspaces.WorkspaceStatus;
import dev.penguinmails.identity.workspaces.WorkspaceStore;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.plans.PlanCopy;
import dev.penguinmails.shared.plans.PlanLimit;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Enforces the two limits identity owns. <b>Seats</b>: members plus pending invitations (an invitation holds its
 * seat until it is accepted, revoked or its link expires, so accepting never overshoots). <b>Workspaces per
 * account</b>: the active workspaces a person is primary owner of; the allowance is the best among the plans of
 * those workspaces, so an agency plan on one workspace lets its owner open client workspaces. Members and
 * workspaces above a limit after a downgrade stay; only new ones are refused.
 *
 * <p>The counts are read, not reserved: two invitations sent in the same instant may both pass the last seat.
 */
@Singleton
public class PlanLimitCheck {
    private final WorkspacePlanStore plans;
    private final PlanLimitSettings settings;
    private final MemberStore members;
    private final InvitationStore invitations;
    private final WorkspaceStore workspaces;

    PlanLimitCheck(WorkspacePlanStore plans, PlanLimitSettings settings, MemberStore members,
                   InvitationStore invitations, WorkspaceStore workspaces) {
        this.plans = plans;
        this.settings = settings;
        this.members = members;
        this.invitations = invitations;
        this.workspaces = workspaces;
    }

    /** The plan identity holds for the workspace: the last one billing published, or the defaults. */
    public PlanCopy planOf(String workspaceId) {
        return plans.find(workspaceId).orElseGet(settings::defaults);
    }

    /** Refuses a new invitation when members and pending invitations fill the plan's seats. */
    public void requireSeatForInvitation(TenantContext tenant) {
        PlanCopy plan = planOf(tenant.workspaceId());
        long used = memberCount(tenant) + pendingInvitations(tenant, Instant.now());
        if (used >= plan.seats()) {
            throw PlanLimit.reached("seats", plan.planId(), plan.seats(), used, "Revoke a pending invitation, remove a "
                    + "member, or move the workspace to a plan with more seats.");
        }
    }

    /** Refuses joining when the members alone fill the seats (the plan shrank after the invitation was sent). */
    public void requireSeatToJoin(TenantContext tenant) {
        PlanCopy plan = planOf(tenant.workspaceId());
        long used = memberCount(tenant);
        if (used >= plan.seats()) {
            throw PlanLimit.reached("seats", plan.planId(), plan.seats(), used, "Ask the workspace's owner to free a "
                    + "seat or upgrade the plan, then use the invitation link again.");
        }
    }

    /** Refuses owning one more active workspace beyond the best allowance among the person's own workspaces. */
    public void requireWorkspaceSlot(String userId) {
        List<String> ownedIds = Page.all(page -> members.forUser(userId, page)).stream()
                .filter(m -> m.role() == Role.OWNER).map(Member::workspaceId).toList();
        Map<String, Workspace> owned = workspaces.getAll(ownedIds);
        List<String> active = owned.values().stream()
                .filter(w -> w.status() == WorkspaceStatus.ACTIVE && w.ownerId().equals(userId))
                .map(Workspace::id).toList();
        PlanCopy best = active.stream().map(this::planOf)
                .reduce(settings.defaults(), (a, b) -> b.workspacesPerAccount() > a.workspacesPerAccount() ? b : a);
        if (active.size() >= best.workspacesPerAccount()) {
            throw PlanLimit.reached("workspaces_per_account", best.planId(), best.workspacesPerAccount(), active.size(),
                    "Delete a workspace you own, or move one of your workspaces to a plan that allows more workspaces.");
        }
    }

    private long memberCount(TenantContext tenant) {
        return Page.all(page -> members.list(tenant, page)).size();
    }

    private long pendingInvitations(TenantContext tenant, Instant now) {
        return Page.all(page -> invitations.list(tenant, page)).stream()
                .map((Invitation i) -> i.statusAt(now))
                .filter(status -> status == InvitationStatus.PENDING).count();
    }
}

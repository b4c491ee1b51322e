package dev.penguinmails.identity.workspaces;

import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.workspaces.WorkspaceCreated;
import dev.penguinmails.events.identity.workspaces.WorkspaceDeleted;
import dev.penguinmails.events.identity.workspaces.WorkspaceRenamed;
import dev.penguinmails.events.identity.workspaces.WorkspaceRestored;
import dev.penguinmails.identity.audit.AuditEntry;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import dev.penguinmails.identity.plans.PlanLimitCheck;
import dev.penguinmails.events.outbox.OutboxEntry;
import io.micronaut.core.annotation.Nullable;
import dev.penguinmails.identity.members.Member;
import dev.penguinmails.identity.members.MemberStore;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.shared.auth.AuthProblems;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The workspace lifecycle: create (the creator becomes its primary owner; beyond the first, only with a
 * verified email address), rename, soft-delete with a
 * grace period ({@code penguinmails.identity.workspaces.deletion-grace}, default 30 days) and restore
 * within it. Each change carries its audit entry and event in its outbox (see {@link IdentityOutbox}).
 */
@Singleton
public class WorkspaceService {
    private final WorkspaceStore workspaces;
    private final MemberStore members;
    private final IdentityOutbox outbox;
    private final Duration grace;
    private final PlanLimitCheck planLimits;
    private final Clock clock = Clock.systemUTC();

    public WorkspaceService(WorkspaceStore workspaces, MemberStore members, IdentityOutbox outbox,
                            WorkspaceSettings settings, PlanLimitCheck planLimits) {
        this.workspaces = workspaces;
        this.members = members;
        this.outbox = outbox;
        this.grace = settings.deletionGrace();
        this.planLimits = planLimits;
    }

    /**
     * Creates a workspace owned by {@code ownerId}. In order, each step retry-safe: the owner's
     * membership first (a membership without its workspace is invisible), then the workspace.
     * Signup uses this too, without a request.
     */
    public Workspace createOwned(String ownerId, String name) {
        return createOwned(Ids.newId("ws"), ownerId, name.strip(), null);
    }

    private Workspace createOwned(String id, String ownerId, String name, @Nullable OutboxEntry owed) {
        Instant now = clock.instant();
        members.add(id, ownerId, Role.OWNER, now);
        workspaces.create(id, name, ownerId, now, owed);
        return workspaces.find(id).orElseThrow(() -> new IllegalStateException("workspace " + id + " vanished"));
    }

    public Workspace create(Principal principal, String name, HttpRequest<?> request) {
        String userId = principal.requireUser();
        // Each workspace brings its own invitation budget: unproven addresses get the one from signup only.
        if (!principal.emailVerified() && ownsAny(userId)) {
            throw AuthProblems.emailNotVerified("Verify your email address before creating more workspaces; we sent "
                    + "you a link when you signed up (POST /v1/auth/resend-verification sends a new one).");
        }
        planLimits.requireWorkspaceSlot(userId);
        String id = Ids.newId("ws");
        String stripped = name.strip();
        OutboxEntry owed = outbox.owe(DomainEvent.create(IdentityEvents.WORKSPACE_CREATED, id, new WorkspaceCreated(stripped, userId)),
                AuditEntry.of(request, principal, id, "workspace.created", "workspace", id, Map.of("name", stripped)));
        Workspace created = createOwned(id, userId, stripped, owed);
        outbox.deliver(WorkspaceItems.key(id), owed);
        return created;
    }

    /** The caller's workspaces with their role; deleted ones only to owners, who can restore them. */
    public Page<WorkspaceView> listFor(Principal principal, PageRequest page) {
        String userId = principal.requireUser();
        Page<Member> memberships = members.forUser(userId, page);
        Map<String, Workspace> byId = workspaces.getAll(memberships.items().stream().map(Member::workspaceId).toList());
        return new Page<>(memberships.items().stream()
                .filter(m -> byId.containsKey(m.workspaceId()))
                .filter(m -> visibleInList(byId.get(m.workspaceId()), m.role()))
                .map(m -> WorkspaceView.of(byId.get(m.workspaceId()), m.role().wireName()))
                .toList(), memberships.nextCursor());
    }

    public Workspace get(TenantContext tenant) {
        return workspaces.get(tenant).orElseThrow(WorkspaceService::gone);
    }

    public Workspace rename(TenantContext tenant, Principal principal, String name, HttpRequest<?> request) {
        Workspace before = get(tenant);
        String newName = name.strip();
        if (before.name().equals(newName)) {
            return before;
        }
        OutboxEntry owed = outbox.owe(DomainEvent.create(IdentityEvents.WORKSPACE_RENAMED, tenant.workspaceId(),
                new WorkspaceRenamed(newName, before.name(), principal.id())),
                AuditEntry.of(request, principal, tenant.workspaceId(), "workspace.renamed", "workspace",
                        tenant.workspaceId(), Map.of("from", before.name(), "to", newName)));
        Workspace after = workspaces.rename(tenant, newName, clock.instant(), owed).orElseThrow(WorkspaceService::gone);
        outbox.deliver(WorkspaceItems.key(tenant.workspaceId()), owed);
        return after;
    }

    /** Soft-deletes the workspace; its members keep it in their list (owners only) until it is purged. */
    public Workspace delete(TenantContext tenant, Principal principal, HttpRequest<?> request) {
        Instant now = clock.instant();
        Instant purgeAfter = now.plus(grace).truncatedTo(ChronoUnit.SECONDS);
        Workspace current = get(tenant);
        OutboxEntry owed = outbox.owe(DomainEvent.create(IdentityEvents.WORKSPACE_DELETED, tenant.workspaceId(),
                new WorkspaceDeleted(current.name(), principal.id(), purgeAfter.toString())),
                AuditEntry.of(request, principal, tenant.workspaceId(), "workspace.deleted", "workspace",
                        tenant.workspaceId(), Map.of("purgeAfter", purgeAfter.toString())));
        // Conditional on the status only: a rename in between would make the event carry the old name.
        Workspace deleted = workspaces.markDeleted(tenant, now, purgeAfter, owed).orElseThrow(WorkspaceService::gone);
        outbox.deliver(WorkspaceItems.key(tenant.workspaceId()), owed);
        return deleted;
    }

    public Workspace restore(TenantContext tenant, Principal principal, HttpRequest<?> request) {
        Instant now = clock.instant();
        Workspace current = get(tenant);
        if (current.status() == WorkspaceStatus.ACTIVE) {
            throw WorkspaceProblems.notDeleted();
        }
        if (current.status() != WorkspaceStatus.DELETED || current.purgeAfter() == null || !current.purgeAfter().isAfter(now)) {
            throw WorkspaceProblems.restorePeriodEnded();
        }
        // A restored workspace counts against its primary owner's allowance again.
        planLimits.requireWorkspaceSlot(current.ownerId());
        OutboxEntry owed = outbox.owe(DomainEvent.create(IdentityEvents.WORKSPACE_RESTORED, tenant.workspaceId(),
                new WorkspaceRestored(current.name(), principal.id())),
                AuditEntry.of(request, principal, tenant.workspaceId(), "workspace.restored", "workspace",
                        tenant.workspaceId(), Map.of()));
        Workspace restored = workspaces.restore(tenant, now, owed).orElseThrow(WorkspaceProblems::changedMeanwhile);
        outbox.deliver(WorkspaceItems.key(tenant.workspaceId()), owed);
        return restored;
    }

    /** Whether {@code userId} owns a workspace (deleted ones too, until purged). */
    private boolean ownsAny(String userId) {
        return Page.all(page -> members.forUser(userId, page)).stream().anyMatch(m -> m.role() == Role.OWNER);
    }

    private static boolean visibleInList(Workspace workspace, Role role) {
        return workspace.status() == WorkspaceStatus.ACTIVE
                || (workspace.status() == WorkspaceStatus.DELETED && role == Role.OWNER);
    }

    /** The workspace disappeared between authentication and now (deleted or purged meanwhile). */
    private static ProblemException gone() {
        return ProblemException.notFound("There is no such workspace, or you are not a member of it.");
    }
}

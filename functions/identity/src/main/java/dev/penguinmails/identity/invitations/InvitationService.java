package dev.penguinmails.identity.invitations;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.invitations.InvitationAccepted;
import dev.penguinmails.events.identity.invitations.InvitationRevoked;
import dev.penguinmails.events.identity.invitations.InvitationSent;
import dev.penguinmails.identity.accounts.AccountRegistry;
import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.NewAccount;
import dev.penguinmails.identity.accounts.Registration;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.audit.ActorKind;
import dev.penguinmails.identity.audit.AuditEntry;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import dev.penguinmails.identity.members.Member;
import dev.penguinmails.identity.members.MemberProfiles;
import dev.penguinmails.identity.members.MemberStore;
import dev.penguinmails.identity.passwords.PasswordHasher;
import dev.penguinmails.identity.passwords.PasswordPolicy;
import dev.penguinmails.identity.plans.PlanLimitCheck;
import dev.penguinmails.identity.profile.ProfileFields;
import dev.penguinmails.identity.workspaces.Workspace;
import dev.penguinmails.identity.workspaces.WorkspaceStatus;
import dev.penguinmails.identity.workspaces.WorkspaceStore;
import dev.penguinmails.shared.auth.AuthProblems;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.ratelimit.Limit;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import dev.penguinmails.shared.tenancy.StaleVersionException;
import dev.penguinmails.shared.tenancy.TenantContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations: inviting by email (only people with a verified address may, throttled per workspace and per
 * inviter, resends included, so invitations cannot be used to send spam),
 * resending, revoking, and accepting, as an existing signed-in person whose address is the invited one,
 * or as a new person, which creates their account with that address already verified (the link reached
 * it). Links are minted only when the email is sent, live 7 days
 * ({@code penguinmails.identity.invitations.link-lifetime}) and work once.
 */
@Singleton
public class InvitationService {
    private static final String ACTOR = "system:invitations";

    private final InvitationStore invitations;
    private final WorkspaceStore workspaces;
    private final MemberStore members;
    private final MemberProfiles profiles;
    private final UserStore users;
    private final AccountRegistry registry;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final IdentityOutbox outbox;
    private final RateLimiter rateLimiter;
    private final AuthSettings authSettings;
    private final Duration linkLifetime;
    private final Limit invitesPerWorkspace;
    private final Limit invitesPerUser;
    private final Limit resendsPerInvitation;
    private final PlanLimitCheck planLimits;

    public InvitationService(InvitationStore invitations, WorkspaceStore workspaces, MemberStore members,
                             MemberProfiles profiles, UserStore users, AccountRegistry registry, PasswordHasher hasher,
                             PasswordPolicy policy, IdentityOutbox outbox, RateLimiter rateLimiter,
                             AuthSettings authSettings, InvitationSettings settings, PlanLimitCheck planLimits) {
        this.invitations = invitations;
        this.workspaces = workspaces;
        this.members = members;
        this.profiles = profiles;
        this.users = users;
        this.registry = registry;
        this.hasher = hasher;
        this.policy = policy;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.authSettings = authSettings;
        this.linkLifetime = settings.linkLifetime();
        this.invitesPerWorkspace = settings.perWorkspace();
        this.invitesPerUser = settings.perUser();
        this.resendsPerInvitation = settings.resendsPerInvitation();
        this.planLimits = planLimits;
    }

    public InvitationView invite(TenantContext tenant, Principal actor, String emailText, Role role, HttpRequest<?> request) {
        String actorId = requireVerifiedUser(actor);
        if (!EmailAddress.isValid(emailText)) {
            throw ProblemException.invalid("email", "is not a valid email address");
        }
        EmailAddress email = new EmailAddress(emailText);
        if (role == Role.OWNER || !tenant.role().outranksOrIsOwner(role)) {
            throw ProblemException.forbidden("You can invite people only with a role below yours; "
                    + "owners are made by changing a member's role or transferring ownership.");
        }
        Instant now = Instant.now();
        Optional<Invitation> pending = findPending(tenant, email.normalized(), now);
        if (pending.isPresent()) {
            throw InvitationProblems.pending(pending.get().invitationId());
        }
        if (users.findByEmail(email).flatMap(u -> members.get(tenant, u.userId())).isPresent()) {
            throw InvitationProblems.alreadyMember();
        }
        planLimits.requireSeatForInvitation(tenant);
        spendInvitationBudget(tenant, actorId);
        Invitation invitation = new Invitation(Ids.newId("inv"), tenant.workspaceId(), email.value(), email.normalized(),
                role, InvitationStatus.PENDING, actorId, now.truncatedTo(ChronoUnit.MILLIS), 1, now, null, null, null,
                null, null, 1);
        DomainEvent<InvitationSent> sent = invitationSent(tenant, invitation, actorId);
        invitations.create(tenant, invitation);
        outbox.afterWorkspaceChange(tenant.workspaceId(), sent,
                AuditEntry.of(request, actor, tenant.workspaceId(), "invitation.created", "invitation",
                        invitation.invitationId(), Map.of("email", email.value(), "role", role.wireName())));
        return InvitationView.of(invitation, now);
    }

    public Page<InvitationView> list(TenantContext tenant, PageRequest page) {
        Instant now = Instant.now();
        return invitations.list(tenant, page).map(i -> InvitationView.of(i, now));
    }

    /** Emails a new link (the old one stops working) and restarts its lifetime. */
    public InvitationView resend(TenantContext tenant, Principal actor, String invitationId, HttpRequest<?> request) {
        String actorId = requireVerifiedUser(actor);
        Invitation current = invitations.get(tenant, invitationId).orElseThrow(InvitationProblems::noSuchInvitation);
        if (current.status() != InvitationStatus.PENDING) {
            throw InvitationProblems.notPending();
        }
        // An expired invitation gave its seat back; sending it again takes one.
        if (current.statusAt(Instant.now()) == InvitationStatus.EXPIRED) {
            planLimits.requireSeatForInvitation(tenant);
        }
        rateLimiter.tryConsume("invitation-resend:" + invitationId, resendsPerInvitation)
                .orThrow("This invitation was resent often in the last hour; try again later.");
        // A resend is one more email to an address of the inviter's choosing: it counts like an invitation.
        spendInvitationBudget(tenant, actorId);
        Instant now = Instant.now();
        Invitation sent = invitations.recordSend(tenant, current, now);
        outbox.afterWorkspaceChange(tenant.workspaceId(), invitationSent(tenant, sent, actorId),
                AuditEntry.of(request, actor, tenant.workspaceId(), "invitation.resent", "invitation", invitationId,
                        Map.of("email", sent.email(), "sendCount", Integer.toString(sent.sendCount()))));
        return InvitationView.of(sent, now);
    }

    /** Revokes a pending invitation; revoking it again changes nothing. */
    public InvitationView revoke(TenantContext tenant, Principal actor, String invitationId, HttpRequest<?> request) {
        Instant now = Instant.now();
        Invitation current = invitations.get(tenant, invitationId).orElseThrow(InvitationProblems::noSuchInvitation);
        if (current.status() == InvitationStatus.REVOKED) {
            return InvitationView.of(current, now);
        }
        if (current.status() != InvitationStatus.PENDING) {
            throw InvitationProblems.notPending();
        }
        Invitation revoked = invitations.markRevoked(tenant, current, actor.id(), now);
        outbox.afterWorkspaceChange(tenant.workspaceId(), DomainEvent.create(IdentityEvents.INVITATION_REVOKED, tenant.workspaceId(),
                new InvitationRevoked(invitationId, revoked.email(), actor.id())), AuditEntry.of(request, actor, tenant.workspaceId(), "invitation.revoked", "invitation", invitationId,
                Map.of("email", revoked.email())));
        return InvitationView.of(revoked, now);
    }

    /**
     * Accepts an invitation. Ordered, retry-safe steps: the account (new people), the invitation marked
     * ACCEPTED by them (a conditional write: a revoke or resend racing it wins, and nobody joins), the
     * membership, the account made permanent, then {@code joinedAt}. The same invitee may send the same link
     * again: after a failure part-way it finishes the steps; after success it gets the same answer and
     * changes nothing. Anyone else, or the invitee once removed from the workspace, gets {@code invalid-token}.
     *
     * @param principal       the signed-in caller, if any
     * @param sentCredentials whether an Authorization header came (and failed): then this is not a new person
     */
    public InvitationView.Accepted accept(InvitationRequests.Accept body, @Nullable Principal principal,
                                          boolean sentCredentials, HttpRequest<?> request) {
        InvitationToken token = InvitationToken.parse(body.token()).orElseThrow(InvitationProblems::invalidToken);
        TenantContext tenant = TenantContext.system(token.workspaceId(), ACTOR);
        Instant now = Instant.now();
        Invitation invitation = invitations.get(tenant, token.invitationId())
                .filter(i -> i.tokenHash() != null && token.matches(i.tokenHash()))
                .filter(i -> i.tokenExpiresAt() != null && i.tokenExpiresAt().isAfter(now))
                .filter(i -> i.status() == InvitationStatus.PENDING || i.status() == InvitationStatus.ACCEPTED)
                .orElseThrow(InvitationProblems::invalidToken);
        Workspace workspace = workspaces.get(tenant).filter(w -> w.status() == WorkspaceStatus.ACTIVE)
                .orElseThrow(InvitationProblems::invalidToken);
        if (invitation.status() == InvitationStatus.ACCEPTED) {
            return acceptAgain(tenant, workspace, invitation, body, principal, sentCredentials, request, now);
        }
        EmailAddress email = new EmailAddress(invitation.email());
        planLimits.requireSeatToJoin(tenant);

        User user;
        boolean created = false;
        if (principal != null) {
            user = users.find(principal.requireUser())
                    .orElseThrow(() -> AuthProblems.unauthenticated("Your account no longer exists."));
            if (!user.normalizedEmail().equals(invitation.emailNormalized())) {
                throw InvitationProblems.emailMismatch();
            }
        } else if (sentCredentials) {
            throw AuthProblems.unauthenticated("Your access token is not valid any more; sign in again, then accept.");
        } else {
            user = newAccount(body, email, workspace, request);
            created = true;
        }

        Invitation accepted;
        try {
            accepted = invitations.markAccepted(tenant, invitation, user.userId(), now);
        } catch (StaleVersionException raced) {
            // Revoked or resent at this very moment: nobody was added, and the link is no longer the current one.
            throw InvitationProblems.invalidToken();
        }
        return join(tenant, workspace, accepted, user, created, request, now);
    }

    /** The same link again, on an invitation already marked ACCEPTED: only its invitee, to finish or to re-read. */
    private InvitationView.Accepted acceptAgain(TenantContext tenant, Workspace workspace, Invitation invitation,
                                                InvitationRequests.Accept body, @Nullable Principal principal,
                                                boolean sentCredentials, HttpRequest<?> request, Instant now) {
        User user;
        boolean created = false;
        if (principal != null) {
            user = users.find(principal.requireUser()).filter(u -> u.userId().equals(invitation.acceptedBy()))
                    .orElseThrow(InvitationProblems::invalidToken);
        } else if (sentCredentials) {
            throw AuthProblems.unauthenticated("Your access token is not valid any more; sign in again, then accept.");
        } else {
            // A new person whose first attempt stopped before their account was made permanent; the password proves it.
            user = users.find(invitation.acceptedBy())
                    .filter(u -> !u.isActive() && u.normalizedEmail().equals(invitation.emailNormalized()))
                    .filter(u -> body.password() != null && hasher.matches(body.password(), u.passwordHash()))
                    .orElseThrow(InvitationProblems::invalidToken);
            created = true;
        }
        if (invitation.joinedAt() != null) {
            // Done before: answer the same, but never bring back someone who has since been removed.
            Member member = members.get(tenant, user.userId()).orElseThrow(InvitationProblems::invalidToken);
            return new InvitationView.Accepted(workspace.id(), user.userId(), member.role().wireName(), false);
        }
        return join(tenant, workspace, invitation, user, created, request, now);
    }

    /** The steps after the invitation is marked ACCEPTED; each can run again with the same result. */
    private InvitationView.Accepted join(TenantContext tenant, Workspace workspace, Invitation accepted, User user,
                                         boolean created, HttpRequest<?> request, Instant now) {
        members.add(workspace.id(), user.userId(), accepted.role(), now);
        Member member = members.get(tenant, user.userId()).orElseThrow(InvitationProblems::invalidToken);
        if (created) {
            registry.complete(user, true);
        }
        try {
            invitations.markJoined(tenant, accepted, now);
        } catch (StaleVersionException finishedMeanwhile) {
            // A concurrent retry of the same invitee finished first, and announced it.
            return new InvitationView.Accepted(workspace.id(), user.userId(), member.role().wireName(), created);
        }
        ClientInfo client = ClientInfo.of(request);
        outbox.afterWorkspaceChange(workspace.id(), DomainEvent.create(IdentityEvents.INVITATION_ACCEPTED, workspace.id(), new InvitationAccepted(
                accepted.invitationId(), user.userId(), accepted.email(), member.role().wireName(), created)),
                new AuditEntry(workspace.id(), user.userId(), ActorKind.USER, "invitation.accepted", "invitation",
                accepted.invitationId(), known(client.ip()), known(client.userAgent()), now,
                Map.of("role", member.role().wireName(), "accountCreated", Boolean.toString(created))));
        return new InvitationView.Accepted(workspace.id(), user.userId(), member.role().wireName(), created);
    }

    /**
     * For the invitation email: mints a fresh link for a pending invitation and stores its hash.
     *
     * @return empty if there is nothing to send any more (accepted, revoked, workspace gone)
     */
    public Optional<MintedLink> mintLink(String workspaceId, String invitationId) {
        TenantContext tenant = TenantContext.system(workspaceId, ACTOR);
        Optional<Workspace> workspace = workspaces.get(tenant).filter(w -> w.status() == WorkspaceStatus.ACTIVE);
        Optional<Invitation> invitation = invitations.get(tenant, invitationId)
                .filter(i -> i.status() == InvitationStatus.PENDING);
        if (workspace.isEmpty() || invitation.isEmpty()) {
            return Optional.empty();
        }
        InvitationToken token = InvitationToken.mint(workspaceId, invitationId);
        Instant expiresAt = Instant.now().plus(linkLifetime).truncatedTo(ChronoUnit.SECONDS);
        Invitation stored = invitations.storeToken(tenant, invitation.get(), token.hash(), expiresAt);
        return Optional.of(new MintedLink(stored, workspace.get(), token, expiresAt));
    }

    /** A link minted for an email. */
    public record MintedLink(Invitation invitation, Workspace workspace, InvitationToken token, Instant expiresAt) { }

    private User newAccount(InvitationRequests.Accept body, EmailAddress email, Workspace workspace, HttpRequest<?> request) {
        if (body.name() == null && body.password() == null && users.findByEmail(email).isPresent()) {
            throw InvitationProblems.accountExists();
        }
        List<FieldError> errors = new ArrayList<>();
        var name = ProfileFields.name("name", body.name());
        name.error().ifPresent(errors::add);
        var timezone = body.timezone() == null ? null : ProfileFields.timezone("timezone", body.timezone());
        if (timezone != null) {
            timezone.error().ifPresent(errors::add);
        }
        var locale = body.locale() == null ? null : ProfileFields.locale("locale", body.locale());
        if (locale != null) {
            locale.error().ifPresent(errors::add);
        }
        if (body.password() == null || body.password().isEmpty()) {
            errors.add(new FieldError("password", "is required to create your account (or sign in and send only the token)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (users.findByEmail(email).isPresent()) {
            throw InvitationProblems.accountExists();
        }
        policy.requireStrong("password", body.password(), List.of(email.value(), name.value()));
        rateLimiter.tryConsume("signup-ip:" + ClientInfo.of(request).network(), authSettings.signupPerIp())
                .orThrow("Too many sign-ups from your network; try again later.");
        NewAccount account = new NewAccount(email, name.value(), hasher.hash(body.password()),
                timezone == null ? ProfileFields.DEFAULT_TIMEZONE : timezone.value(),
                locale == null ? ProfileFields.DEFAULT_LOCALE : locale.value(), workspace.name());
        Registration registration = registry.register(account, body.password());
        if (registration instanceof Registration.Existing) {
            throw InvitationProblems.accountExists();
        }
        return registration.user();
    }

    /**
     * Invitation emails go to any address with text the inviter chooses (their name, the workspace name), so
     * only people whose own address is proven may send them.
     */
    private static String requireVerifiedUser(Principal actor) {
        String actorId = actor.requireUser();
        if (!actor.emailVerified()) {
            throw AuthProblems.emailNotVerified("Verify your email address before inviting people; we sent you a "
                    + "link when you signed up (POST /v1/auth/resend-verification sends a new one).");
        }
        return actorId;
    }

    /**
     * One invitation email's worth of each budget: the workspace's, and the inviter's own across all their
     * workspaces (so that making more workspaces buys no more mail).
     */
    private void spendInvitationBudget(TenantContext tenant, String actorId) {
        rateLimiter.tryConsume("invitations-user:" + actorId, invitesPerUser)
                .orThrow("You have sent too many invitations in the last hour; try again later.");
        rateLimiter.tryConsume("invitations-ws:" + tenant.workspaceId(), invitesPerWorkspace)
                .orThrow("This workspace has sent too many invitations in the last hour; try again later.");
    }

    private Optional<Invitation> findPending(TenantContext tenant, String emailNormalized, Instant now) {
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<Invitation> found = invitations.list(tenant, page);
            Optional<Invitation> match = found.items().stream()
                    .filter(i -> i.emailNormalized().equals(emailNormalized) && i.statusAt(now) == InvitationStatus.PENDING)
                    .findFirst();
            if (match.isPresent() || !found.hasNext()) {
                return match;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, found.nextCursor());
        }
    }

    private DomainEvent<InvitationSent> invitationSent(TenantContext tenant, Invitation invitation, String inviterId) {
        String workspaceName = workspaces.get(tenant).map(Workspace::name).orElse("");
        MemberProfiles.Profile inviter = profiles.of(List.of(inviterId)).get(inviterId);
        String inviterName = inviter == null || inviter.name() == null ? "A colleague" : inviter.name();
        return DomainEvent.create(IdentityEvents.INVITATION_SENT, tenant.workspaceId(), new InvitationSent(
                invitation.invitationId(), invitation.email(), invitation.role().wireName(), workspaceName, inviterId,
                inviterName, invitation.sendCount()));
    }

    private static String known(String value) {
        return ClientInfo.UNKNOWN.equals(value) ? null : value;
    }
}

package dev.penguinmails.identity.passwords;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.EmailVerified;
import dev.penguinmails.events.identity.accounts.PasswordChanged;
import dev.penguinmails.events.identity.accounts.PasswordResetRequested;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import dev.penguinmails.identity.accounts.AccountAudit;
import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.apikeys.ApiKeyService;
import dev.penguinmails.identity.audit.ActorKind;
import dev.penguinmails.identity.login.LoginGuard;
import dev.penguinmails.identity.members.Member;
import dev.penguinmails.identity.members.MemberStore;
import dev.penguinmails.identity.sessions.SessionStore;
import dev.penguinmails.identity.tokens.OneTimeToken;
import dev.penguinmails.identity.tokens.OneTimeTokens;
import dev.penguinmails.identity.tokens.TokenPurpose;
import dev.penguinmails.identity.verification.Accepted;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import dev.penguinmails.shared.tenancy.TenantContext;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password reset by email. Asking always gets the same answer (and is throttled per address and per
 * network); the emailed token works once, for one hour, only while the account still has the address it
 * was mailed to, and not after the password changed in another way. Setting the new password ends every
 * session and lifts a lockout; on an account whose address was never verified it also verifies it and
 * revokes every API key the account created.
 */
@Singleton
public class PasswordResetService {
    /** The token's data key for the normalized address the link was mailed to. */
    public static final String EMAIL = "email";
    private static final String ACTOR = "system:password-reset";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetService.class);

    private final UserStore users;
    private final OneTimeTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final LoginGuard guard;
    private final IdentityOutbox outbox;
    private final RateLimiter rateLimiter;
    private final AuthSettings settings;
    private final AccountAudit audit;
    private final MemberStore members;
    private final ApiKeyService apiKeys;

    public PasswordResetService(UserStore users, OneTimeTokens tokens, PasswordPolicy policy, PasswordHasher hasher,
                                SessionStore sessions, LoginGuard guard, IdentityOutbox outbox, RateLimiter rateLimiter,
                                AuthSettings settings, AccountAudit audit, MemberStore members, ApiKeyService apiKeys) {
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.hasher = hasher;
        this.sessions = sessions;
        this.guard = guard;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.audit = audit;
        this.members = members;
        this.apiKeys = apiKeys;
    }

    public Accepted request(String email, ClientInfo client) {
        if (email == null || !EmailAddress.isValid(email)) {
            throw ProblemException.invalid("email", email == null || email.isBlank() ? "is required" : "is not a valid email address");
        }
        EmailAddress address = new EmailAddress(email);
        rateLimiter.tryConsume("mail-ip:" + client.network(), settings.mailRequestsPerIp())
                .orThrow("Too many requests from your network; try again later.");
        rateLimiter.tryConsume("reset-mail:" + SecretHash.sha256Hex(address.normalized()), settings.mailPerAddress())
                .orThrow("We already sent several reset links to this address; wait a while before asking again.");
        users.findByEmail(address).filter(User::isActive).ifPresent(u ->
                outbox.afterAccountChange(u.userId(), DomainEvent.create(IdentityEvents.ACCOUNT_PASSWORD_RESET_REQUESTED,
                        u.homeWorkspaceId(), new PasswordResetRequested(u.userId(), u.email(), u.name(), u.locale())), null));
        return Accepted.of("If an account uses this address, we sent it a link to choose a new password. "
                + "The link works once, for one hour.");
    }

    public PasswordChangedResponse confirm(PasswordResetConfirmation body, ClientInfo client) {
        List<FieldError> missing = new ArrayList<>();
        if (body.token() == null || body.token().isBlank()) {
            missing.add(new FieldError("token", "is required"));
        }
        if (body.newPassword() == null || body.newPassword().isEmpty()) {
            missing.add(new FieldError("newPassword", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        rateLimiter.tryConsume("reset-confirm-ip:" + client.network(), settings.resetConfirmsPerIp())
                .orThrow("Too many password resets from your network; try again later.");
        OneTimeToken token = tokens.require(TokenPurpose.PASSWORD_RESET, body.token());
        User user = users.find(token.userId()).filter(User::isActive).orElseThrow(OneTimeTokens::invalid);
        // A link from before the last password change belongs to a request that change answered.
        if (token.issuedAt().isBefore(user.passwordChangedAt())) {
            throw OneTimeTokens.invalid();
        }
        // A link mailed to an address the account no longer has proves nothing about the account now.
        if (!user.normalizedEmail().equals(token.data().get(EMAIL))) {
            throw OneTimeTokens.invalid();
        }
        // Checked before the token is used, so a weak choice can be corrected with the same link.
        policy.requireStrong("newPassword", body.newPassword(), user.personalWords());
        tokens.consumeOrFail(token);
        Instant now = Instant.now();
        users.changePassword(user.userId(), hasher.hash(body.newPassword()), now);
        int revoked = sessions.revokeAll(user.userId(), "password-reset");
        guard.clear(user.normalizedEmail());
        audit.byUser(user.userId(), "account.password_reset", client, Map.of("sessionsRevoked", Integer.toString(revoked)),
                DomainEvent.create(IdentityEvents.ACCOUNT_PASSWORD_CHANGED, user.homeWorkspaceId(),
                        new PasswordChanged(user.userId(), user.email(), user.name(), user.locale(), "reset")));
        if (!user.emailVerified()) {
            takeOver(user, client);
        }
        return new PasswordChangedResponse("password-changed", revoked,
                "Your password was changed and every session was signed out. Sign in with the new password.");
    }

    /**
     * The reset of an account whose address was never verified: the link reached the mailbox, so the address
     * is now proven, and whoever used the account before it was (someone may have registered another
     * person's address first) loses the API keys they made, in every workspace. Sessions are already gone.
     */
    private void takeOver(User user, ClientInfo client) {
        if (users.markVerified(user.userId(), user.normalizedEmail())) {
            audit.byUser(user.userId(), "account.email_verified", client, Map.of("via", "password-reset"),
                    DomainEvent.create(IdentityEvents.ACCOUNT_EMAIL_VERIFIED, user.homeWorkspaceId(),
                            new EmailVerified(user.userId(), user.email())));
        }
        int keysRevoked = 0;
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<Member> memberships = members.forUser(user.userId(), page);
            for (Member membership : memberships.items()) {
                TenantContext tenant = TenantContext.system(membership.workspaceId(), ACTOR);
                keysRevoked += apiKeys.revokeCreatedBy(tenant, user.userId(), key -> true, user.userId(),
                        ActorKind.USER, client, "password-reset-of-unverified-account");
            }
            if (!memberships.hasNext()) {
                break;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, memberships.nextCursor());
        }
        if (keysRevoked > 0) {
            LOG.info("Password reset of never-verified account {} revoked {} API keys it had created", user.userId(), keysRevoked);
        }
    }
}

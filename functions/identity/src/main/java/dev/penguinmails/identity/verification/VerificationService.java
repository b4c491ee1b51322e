package dev.penguinmails.identity.verification;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.EmailVerified;
import dev.penguinmails.events.identity.accounts.VerificationRequested;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import dev.penguinmails.identity.signup.PendingSignups;
import dev.penguinmails.identity.accounts.AccountAudit;
import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.tokens.OneTimeToken;
import dev.penguinmails.identity.tokens.OneTimeTokens;
import dev.penguinmails.identity.tokens.TokenPurpose;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Email verification: a token proves the person reads the address, and may be used once within 24
 * hours. Resending is throttled per address and per network, and answers the same whether or not an
 * account has the address.
 */
@Singleton
public class VerificationService {
    static final String EMAIL = "email";

    private final OneTimeTokens tokens;
    private final UserStore users;
    private final IdentityOutbox outbox;
    private final PendingSignups pendingSignups;
    private final RateLimiter rateLimiter;
    private final AuthSettings settings;
    private final AccountAudit audit;

    public VerificationService(OneTimeTokens tokens, UserStore users, IdentityOutbox outbox, RateLimiter rateLimiter,
                               AuthSettings settings, AccountAudit audit, PendingSignups pendingSignups) {
        this.tokens = tokens;
        this.users = users;
        this.outbox = outbox;
        this.pendingSignups = pendingSignups;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.audit = audit;
    }

    public EmailVerifiedResponse verify(String rawToken, ClientInfo client) {
        OneTimeToken token = tokens.require(TokenPurpose.EMAIL_VERIFICATION, rawToken);
        User user = users.find(token.userId()).orElseThrow(OneTimeTokens::invalid);
        // A link for an address the account no longer has proves nothing about the current one.
        if (!user.normalizedEmail().equals(token.data(EMAIL))) {
            throw OneTimeTokens.invalid();
        }
        tokens.consumeOrFail(token);
        if (!user.isActive()) {
            // The link proves the mailbox of a signup that stopped half-way: finish it.
            pendingSignups.finish(user, client);
        }
        if (!users.markVerified(user.userId(), token.data(EMAIL))) {
            throw OneTimeTokens.invalid();
        }
        if (!user.emailVerified()) {
            audit.byUser(user.userId(), "account.email_verified", client, Map.of(),
                    DomainEvent.create(IdentityEvents.ACCOUNT_EMAIL_VERIFIED, user.homeWorkspaceId(),
                            new EmailVerified(user.userId(), user.email())));
        }
        return new EmailVerifiedResponse(user.email(), true,
                "Your address is verified. Refresh your access token to send campaigns.");
    }

    public Accepted resend(String email, ClientInfo client) {
        if (email == null || !EmailAddress.isValid(email)) {
            throw ProblemException.invalid("email", email == null || email.isBlank() ? "is required" : "is not a valid email address");
        }
        EmailAddress address = new EmailAddress(email);
        rateLimiter.tryConsume("mail-ip:" + client.network(), settings.mailRequestsPerIp())
                .orThrow("Too many requests from your network; try again later.");
        rateLimiter.tryConsume("verify-mail:" + SecretHash.sha256Hex(address.normalized()), settings.mailPerAddress())
                .orThrow("We already sent several links to this address; wait a while before asking again.");
        // PENDING accounts too: their signup stopped half-way, and opening the link finishes it.
        Optional<User> user = users.findByEmail(address).filter(u -> !u.emailVerified());
        user.ifPresent(u -> outbox.afterAccountChange(u.userId(), DomainEvent.create(IdentityEvents.ACCOUNT_VERIFICATION_REQUESTED,
                u.homeWorkspaceId(), new VerificationRequested(u.userId(), u.email(), u.name(), u.locale())), null));
        return Accepted.of("If an unverified account uses this address, we sent it a new verification link.");
    }
}

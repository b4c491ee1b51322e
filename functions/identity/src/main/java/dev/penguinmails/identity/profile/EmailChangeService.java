package dev.penguinmails.identity.profile;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.EmailChangeRequested;
import dev.penguinmails.events.identity.accounts.EmailChanged;
import dev.penguinmails.identity.accounts.AccountAudit;
import dev.penguinmails.identity.accounts.AccountProblems;
import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.accounts.UserStore;
import dev.penguinmails.identity.passwords.PasswordHasher;
import dev.penguinmails.identity.sessions.SessionStore;
import dev.penguinmails.identity.tokens.OneTimeToken;
import dev.penguinmails.identity.tokens.OneTimeTokens;
import dev.penguinmails.identity.tokens.TokenPurpose;
import dev.penguinmails.identity.verification.Accepted;
import dev.penguinmails.shared.auth.Principal;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changing the account's address. Asking needs the current password and sends a confirmation link to
 * the new address and a notice to the old one; the answer is the same whether or not the new address
 * has an account. Confirming swaps the {@code EMAIL#} claims in ordered, repeatable steps: claim the new
 * address, switch the account, release the old address, use up the token.
 */
@Singleton
public class EmailChangeService {
    static final String OLD_EMAIL = "oldEmail";
    static final String NEW_EMAIL = "newEmail";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final OneTimeTokens tokens;
    private final RateLimiter rateLimiter;
    private final AuthSettings settings;
    private final AccountAudit audit;
    private final SessionStore sessions;

    public EmailChangeService(UserStore users, PasswordHasher hasher, OneTimeTokens tokens,
                              RateLimiter rateLimiter, AuthSettings settings, AccountAudit audit, SessionStore sessions) {
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.audit = audit;
    }

    public Accepted request(String userId, EmailChangeRequest body, ClientInfo client) {
        List<FieldError> errors = new ArrayList<>();
        if (body.newEmail() == null || body.newEmail().isBlank()) {
            errors.add(new FieldError("newEmail", "is required"));
        } else if (!EmailAddress.isValid(body.newEmail())) {
            errors.add(new FieldError("newEmail", "is not a valid email address"));
        }
        if (body.password() == null || body.password().isEmpty()) {
            errors.add(new FieldError("password", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        rateLimiter.tryConsume("email-change:" + userId, settings.emailChangePerUser())
                .orThrow("Too many address changes requested; try again later.");
        User user = users.find(userId).filter(User::isActive)
                .orElseThrow(() -> ProblemException.unauthorized("Your account no longer exists; sign in again."));
        EmailAddress newEmail = new EmailAddress(body.newEmail());
        if (newEmail.normalized().equals(user.normalizedEmail())) {
            throw ProblemException.invalid("newEmail", "is already your address");
        }
        // The password proves a stolen access token alone cannot move the account to another mailbox.
        if (!hasher.matches(body.password(), user.passwordHash())) {
            throw new ProblemException(AccountProblems.INVALID_PASSWORD, "The password is not correct.");
        }
        audit.byUser(userId, "account.email_change_requested", client, Map.of("newEmail", newEmail.normalized()),
                DomainEvent.create(IdentityEvents.ACCOUNT_EMAIL_CHANGE_REQUESTED, user.homeWorkspaceId(),
                        new EmailChangeRequested(user.userId(), user.name(), user.locale(), user.email(), newEmail.value())));
        return Accepted.of("We sent a confirmation link to " + newEmail.value()
                + ". Your address changes when you open it; until then you keep using the current one.");
    }

    /**
     * Switches the address and signs out every other session of the account: a device signed in under the
     * old address must sign in again. The session confirming, if it belongs to the account, stays.
     */
    public EmailChangeResult confirm(String rawToken, Optional<Principal> caller, ClientInfo client) {
        if (rawToken == null || rawToken.isBlank()) {
            throw ProblemException.invalid("token", "is required");
        }
        OneTimeToken token = tokens.require(TokenPurpose.EMAIL_CHANGE, rawToken);
        User user = users.find(token.userId()).filter(User::isActive).orElseThrow(OneTimeTokens::invalid);
        String oldNormalized = token.data(OLD_EMAIL);
        EmailAddress newEmail = new EmailAddress(token.data(NEW_EMAIL));
        boolean alreadySwitched = user.normalizedEmail().equals(newEmail.normalized());
        if (!alreadySwitched && !user.normalizedEmail().equals(oldNormalized)) {
            // The address changed another way since this link was sent.
            throw OneTimeTokens.invalid();
        }
        Optional<String> holder = users.claimEmail(newEmail.normalized(), user.userId(), Optional.empty());
        if (holder.isPresent()) {
            throw new ProblemException(AccountProblems.EMAIL_UNAVAILABLE,
                    "This address now belongs to another account, so yours keeps its current address.");
        }
        if (!users.switchEmail(user.userId(), oldNormalized, newEmail)) {
            users.releaseClaim(newEmail.normalized(), user.userId());
            throw OneTimeTokens.invalid();
        }
        users.releaseClaim(oldNormalized, user.userId());
        boolean firstUse = tokens.consume(token);
        if (firstUse) {
            String kept = caller.filter(p -> p.isUser() && p.id().equals(user.userId())).map(Principal::sessionId).orElse(null);
            sessions.revokeAllExcept(user.userId(), kept, "email-change");
        }
        if (firstUse && !alreadySwitched) {
            audit.byUser(user.userId(), "account.email_changed", client,
                    Map.of("from", oldNormalized, "to", newEmail.normalized()),
                    DomainEvent.create(IdentityEvents.ACCOUNT_EMAIL_CHANGED, user.homeWorkspaceId(),
                            new EmailChanged(user.userId(), user.name(), user.locale(), user.email(), newEmail.value())));
        }
        return new EmailChangeResult(newEmail.value(), true, "Your address is now " + newEmail.value() + ".");
    }
}

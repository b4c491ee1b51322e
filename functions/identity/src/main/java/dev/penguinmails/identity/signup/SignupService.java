package dev.penguinmails.identity.signup;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.identity.IdentityEvents;
import dev.penguinmails.events.identity.accounts.SignupDuplicate;
import dev.penguinmails.events.identity.accounts.VerificationRequested;
import dev.penguinmails.identity.outbox.IdentityOutbox;
import dev.penguinmails.identity.accounts.AccountRegistry;
import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.EmailAddress;
import dev.penguinmails.identity.accounts.NewAccount;
import dev.penguinmails.identity.accounts.Registration;
import dev.penguinmails.identity.accounts.User;
import dev.penguinmails.identity.passwords.PasswordHasher;
import dev.penguinmails.identity.passwords.PasswordPolicy;
import dev.penguinmails.identity.profile.ProfileFields;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.shared.problems.FieldError;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.ratelimit.RateLimiter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs people up: checks the input (every bad field at once), hashes the password (always, so a
 * duplicate address costs the same time), then either runs the account steps, creates the first
 * workspace and publishes {@code account.signed_up}, or, for an address that has an account, tells
 * its owner by email ({@code account.signup_duplicate}; a fresh verification link if that account's signup
 * never finished). The caller gets the same answer either way.
 */
@Singleton
public class SignupService {
    private static final Logger LOG = LoggerFactory.getLogger(SignupService.class);

    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final AccountRegistry registry;
    private final PendingSignups pendingSignups;
    private final IdentityOutbox outbox;
    private final RateLimiter rateLimiter;
    private final AuthSettings settings;

    public SignupService(PasswordPolicy policy, PasswordHasher hasher, AccountRegistry registry,
                         PendingSignups pendingSignups, IdentityOutbox outbox, RateLimiter rateLimiter,
                         AuthSettings settings) {
        this.policy = policy;
        this.hasher = hasher;
        this.registry = registry;
        this.pendingSignups = pendingSignups;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
    }

    public SignupAccepted signup(SignupRequest request, ClientInfo client) {
        NewAccountInput input = validate(request);
        rateLimiter.tryConsume("signup-ip:" + client.network(), settings.signupPerIp())
                .orThrow("Too many sign-ups from your network; try again later.");
        NewAccount account = new NewAccount(input.email, input.name, hasher.hash(request.password()),
                input.timezone, input.locale, input.workspaceName);
        Registration registration = registry.register(account, request.password());
        if (registration instanceof Registration.Existing existing && existing.user().isActive()) {
            notifyOwner(existing.user());
        } else if (registration instanceof Registration.Existing pending) {
            // Someone's signup for this address stopped half-way: mail the address a fresh link (opening it
            // finishes that signup), answering as for any other signup, so the caller learns nothing.
            resendVerification(pending.user());
        } else {
            pendingSignups.finish(registration.user(), client);
        }
        return SignupAccepted.INSTANCE;
    }

    private void resendVerification(User pending) {
        boolean allowed = rateLimiter.tryConsume("verify-mail:" + SecretHash.sha256Hex(pending.normalizedEmail()),
                settings.mailPerAddress()).allowed();
        if (!allowed) {
            LOG.info("Signup for pending user {}: verification not resent, limit reached", pending.userId());
            return;
        }
        outbox.afterAccountChange(pending.userId(), DomainEvent.create(IdentityEvents.ACCOUNT_VERIFICATION_REQUESTED,
                pending.homeWorkspaceId(), new VerificationRequested(pending.userId(), pending.email(), pending.name(),
                        pending.locale())), null);
    }

    /** Tells the owner someone tried their address, at most a few times a day so it cannot be used to flood them. */
    private void notifyOwner(User owner) {
        boolean allowed = rateLimiter.tryConsume("signup-duplicate:" + SecretHash.sha256Hex(owner.normalizedEmail()),
                settings.duplicateSignupNotices()).allowed();
        if (!allowed) {
            LOG.info("Duplicate signup for user {}: notice suppressed, daily limit reached", owner.userId());
            return;
        }
        outbox.afterAccountChange(owner.userId(), DomainEvent.create(IdentityEvents.ACCOUNT_SIGNUP_DUPLICATE,
                owner.homeWorkspaceId(), new SignupDuplicate(owner.userId(), owner.email(), owner.name(), owner.locale())), null);
    }

    private NewAccountInput validate(SignupRequest request) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddress email = null;
        if (request.email() == null || request.email().isBlank()) {
            errors.add(new FieldError("email", "is required"));
        } else if (!EmailAddress.isValid(request.email())) {
            errors.add(new FieldError("email", "is not a valid email address"));
        } else {
            email = new EmailAddress(request.email());
        }
        var name = ProfileFields.name("name", request.name());
        name.error().ifPresent(errors::add);
        var workspaceName = ProfileFields.name("workspaceName", request.workspaceName());
        workspaceName.error().ifPresent(errors::add);
        var timezone = request.timezone() == null ? null : ProfileFields.timezone("timezone", request.timezone());
        if (timezone != null) {
            timezone.error().ifPresent(errors::add);
        }
        var locale = request.locale() == null ? null : ProfileFields.locale("locale", request.locale());
        if (locale != null) {
            locale.error().ifPresent(errors::add);
        }
        if (request.password() == null || request.password().isEmpty()) {
            errors.add(new FieldError("password", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        policy.requireStrong("password", request.password(),
                List.of(request.email(), request.name(), request.workspaceName()));
        return new NewAccountInput(email, name.value(), workspaceName.value(),
                timezone == null ? ProfileFields.DEFAULT_TIMEZONE : timezone.value(),
                locale == null ? ProfileFields.DEFAULT_LOCALE : locale.value());
    }

    private record NewAccountInput(EmailAddress email, String name, String workspaceName, String timezone,
                                   String locale) { }
}

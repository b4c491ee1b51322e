package dev.penguinmails.identity.accounts;

import dev.penguinmails.events.EventIds;
import dev.penguinmails.identity.passwords.PasswordHasher;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates accounts without transactions, as ordered steps that can each be retried:
 * <ol>
 *   <li>write the user, PENDING and expiring in 24 hours;</li>
 *   <li>claim {@code EMAIL#<address>} (conditional put; an expired claim or one whose user is gone can
 *       be taken over);</li>
 *   <li>the caller's own steps (first workspace, events);</li>
 *   <li>{@link #complete}: make the claim, then the user, permanent.</li>
 * </ol>
 * A crash leaves at most expiring items behind, and a signup that is retried with the same address
 * and password resumes where it stopped. Invitations for new people use the same two calls.
 */
@Singleton
public class AccountRegistry {
    /** How long a half-finished signup keeps its address. */
    public static final Duration PENDING_LIFETIME = Duration.ofHours(24);
    private static final ProblemType SIGNUP_CONFLICT =
            ProblemType.of("signup-in-progress", "Another signup for this address is in progress", 409);

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock = Clock.systemUTC();

    public AccountRegistry(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    /**
     * Runs steps 1 and 2 for {@code account}, or finds the account that already has its address.
     *
     * @param password the plain password, to recognise a resumed signup of the same person
     */
    public Registration register(NewAccount account, String password) {
        String normalized = account.email().normalized();
        Optional<String> staleOwner = Optional.empty();
        Optional<String> owner = users.claimOwner(normalized);
        if (owner.isPresent()) {
            Optional<User> existing = users.find(owner.get()).filter(u -> u.normalizedEmail().equals(normalized));
            if (existing.isPresent()) {
                User user = existing.get();
                if (!user.isActive() && hasher.matches(password, user.passwordHash())) {
                    return new Registration.Resumed(user);
                }
                return new Registration.Existing(user);
            }
            staleOwner = owner;
        }

        Instant now = clock.instant();
        Optional<Instant> expires = Optional.of(now.plus(PENDING_LIFETIME));
        User user = new User(Ids.newId("usr"), account.email().value(), account.name(), account.timezone(),
                account.locale(), account.passwordHash(), false, null, AccountStatus.PENDING, Ids.newId("ws"),
                account.workspaceName(), EventIds.next(), now, now, 1);
        users.create(user, expires);
        boolean claimed = staleOwner.isPresent()
                ? users.takeOverClaim(normalized, staleOwner.get(), user.userId(), expires)
                : users.claimEmail(normalized, user.userId(), expires).isEmpty();
        if (!claimed) {
            // Another signup for the same address won the race; ours must leave no trace.
            users.deletePending(user.userId());
            return users.findByEmail(account.email()).<Registration>map(Registration.Existing::new)
                    .orElseThrow(() -> new ProblemException(SIGNUP_CONFLICT, "Please try again in a moment."));
        }
        return new Registration.Created(user);
    }

    /** Step 4: the address and then the account become permanent; {@code emailVerified} for invited people. */
    public void complete(User user, boolean emailVerified) {
        users.keepClaim(user.normalizedEmail(), user.userId());
        users.activate(user.userId(), emailVerified);
    }
}

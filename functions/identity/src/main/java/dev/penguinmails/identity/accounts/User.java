package dev.penguinmails.identity.accounts;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person's account as stored ({@code USER#<id> / PROFILE}).
 *
 * @param email             the address as typed (trimmed); {@link #normalizedEmail()} makes it unique
 * @param homeWorkspaceId   the workspace created at signup; account-level events name it as their workspace
 * @param signupEventId     the id {@code account.signed_up} is published under, so a resumed signup reuses it
 * @param passwordChangedAt tokens and sessions issued before it are no longer honoured
 */
public record User(String userId, String email, String name, String timezone, String locale, String passwordHash,
                   boolean emailVerified, @Nullable Instant emailVerifiedAt, AccountStatus status,
                   String homeWorkspaceId, String workspaceName, String signupEventId, Instant createdAt,
                   Instant passwordChangedAt, long version) {
    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(homeWorkspaceId, "homeWorkspaceId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
    }

    public String normalizedEmail() {
        return new EmailAddress(email).normalized();
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    /** Words a password must not be built from: the person's own address and name. */
    public List<String> personalWords() {
        return List.of(email, name);
    }
}

package dev.penguinmails.identity.accounts;

import static dev.penguinmails.identity.accounts.Items.bool;
import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.n;
import static dev.penguinmails.identity.accounts.Items.s;
import static dev.penguinmails.identity.accounts.Items.time;

import dev.penguinmails.identity.store.IdentityTable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Users and the email claims that make addresses unique: the table layout of both lives here. Every
 * write is a single conditional item write, so multi-item changes (signup, email change) are ordered
 * steps that each can be retried.
 */
@Singleton
public class UserStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public UserStore(DynamoDbClient dynamo, IdentityTable table) {
        this(dynamo, table.name(), Clock.systemUTC());
    }

    UserStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** The user, unless absent or an abandoned (expired) signup. */
    public Optional<User> find(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                .consistentRead(true)).item();
        return Items.isGone(item, clock.instant()) ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** The id of the user that claims {@code normalizedEmail}, if a live claim exists. */
    public Optional<String> claimOwner(String normalizedEmail) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(AccountKeys.emailClaim(normalizedEmail)).consistentRead(true)).item();
        return Items.isGone(item, clock.instant()) ? Optional.empty() : Items.string(item, "userId");
    }

    /** The user that owns {@code email}, whatever its status; a claim whose user is gone counts as none. */
    public Optional<User> findByEmail(EmailAddress email) {
        return claimOwner(email.normalized()).flatMap(this::find)
                .filter(u -> u.normalizedEmail().equals(email.normalized()));
    }

    /** Writes a new user; false if one with this id exists already (a retried step). */
    public boolean create(User user, Optional<Instant> expiresAt) {
        Map<String, AttributeValue> item = toItem(user);
        expiresAt.ifPresent(e -> item.put(AccountKeys.EXPIRES_AT, epochSeconds(e)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /**
     * Claims {@code normalizedEmail} for {@code userId}: succeeds if nobody holds it, the holder's claim
     * expired, or {@code userId} holds it already (so the step can be retried).
     *
     * @return empty when claimed; otherwise the id of the user who holds it
     */
    public Optional<String> claimEmail(String normalizedEmail, String userId, Optional<Instant> expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.emailClaim(normalizedEmail));
        item.put("userId", s(userId));
        item.put("email", s(normalizedEmail));
        item.put("claimedAt", time(clock.instant()));
        expiresAt.ifPresent(e -> item.put(AccountKeys.EXPIRES_AT, epochSeconds(e)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :now OR userId = :me")
                    .expressionAttributeValues(Map.of(":now", epochSeconds(clock.instant()), ":me", s(userId))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            return Optional.of(claimOwner(normalizedEmail).orElse("?"));
        }
    }

    /** Moves a claim whose user no longer exists to {@code userId}; false if the claim changed meanwhile. */
    public boolean takeOverClaim(String normalizedEmail, String staleOwner, String userId, Optional<Instant> expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.emailClaim(normalizedEmail));
        item.put("userId", s(userId));
        item.put("email", s(normalizedEmail));
        item.put("claimedAt", time(clock.instant()));
        expiresAt.ifPresent(e -> item.put(AccountKeys.EXPIRES_AT, epochSeconds(e)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("userId = :stale")
                    .expressionAttributeValues(Map.of(":stale", s(staleOwner))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** Makes {@code userId}'s claim permanent (removes its expiry). */
    public void keepClaim(String normalizedEmail, String userId) {
        dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.emailClaim(normalizedEmail))
                .updateExpression("REMOVE expiresAt")
                .conditionExpression("userId = :me")
                .expressionAttributeValues(Map.of(":me", s(userId))));
    }

    /** Deletes {@code userId}'s claim on an address, if it still holds it. */
    public void releaseClaim(String normalizedEmail, String userId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(AccountKeys.emailClaim(normalizedEmail))
                    .conditionExpression("userId = :me")
                    .expressionAttributeValues(Map.of(":me", s(userId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Already released, or someone else's by now: either way not ours to delete.
        }
    }

    /** Deletes a pending user that lost the race for its address. */
    public void deletePending(String userId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pending", s(AccountStatus.PENDING.name()))));
        } catch (ConditionalCheckFailedException gone) {
            // Nothing to clean up.
        }
    }

    /** Ends a signup: the account becomes ACTIVE and loses its expiry. Idempotent. */
    public void activate(String userId, boolean emailVerified) {
        Instant now = clock.instant();
        String verify = emailVerified ? ", emailVerified = :true, emailVerifiedAt = if_not_exists(emailVerifiedAt, :now)" : "";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":active", s(AccountStatus.ACTIVE.name()),
                ":one", n(1), ":now", time(now)));
        if (emailVerified) {
            values.put(":true", bool(true));
        }
        dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                .updateExpression("SET #status = :active, updatedAt = :now" + verify + " REMOVE expiresAt ADD version :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values));
    }

    /** Marks the address verified if it is still the account's address; false otherwise. */
    public boolean markVerified(String userId, String normalizedEmail) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                    .updateExpression("SET emailVerified = :true, emailVerifiedAt = if_not_exists(emailVerifiedAt, :now),"
                            + " updatedAt = :now ADD version :one")
                    .conditionExpression("attribute_exists(pk) AND emailNormalized = :email")
                    .expressionAttributeValues(Map.of(":true", bool(true), ":now", time(now), ":one", n(1),
                            ":email", s(normalizedEmail))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** Stores a new password hash; sessions and reset tokens from before {@code at} stop being honoured. */
    public void changePassword(String userId, String passwordHash, Instant at) {
        dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                .updateExpression("SET passwordHash = :hash, passwordChangedAt = :at, updatedAt = :at ADD version :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":hash", s(passwordHash), ":at", time(at), ":one", n(1))));
    }

    /** Replaces a hash made with weaker parameters, unless the password changed meanwhile. */
    public void upgradeHash(String userId, String oldHash, String newHash) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                    .updateExpression("SET passwordHash = :new ADD version :one")
                    .conditionExpression("passwordHash = :old")
                    .expressionAttributeValues(Map.of(":new", s(newHash), ":old", s(oldHash), ":one", n(1))));
        } catch (ConditionalCheckFailedException changed) {
            // The password changed in between; the new hash is current anyway.
        }
    }

    /**
     * Switches the account's address from {@code oldNormalized} to {@code newEmail} (verified, since the
     * person proved they read it). Succeeds too if the switch was already made.
     *
     * @return false if the account's address is neither (it changed in another way meanwhile)
     */
    public boolean switchEmail(String userId, String oldNormalized, EmailAddress newEmail) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                    .updateExpression("SET email = :email, emailNormalized = :normalized, emailVerified = :true,"
                            + " emailVerifiedAt = :now, updatedAt = :now ADD version :one")
                    .conditionExpression("attribute_exists(pk) AND (emailNormalized = :old OR emailNormalized = :normalized)")
                    .expressionAttributeValues(Map.of(":email", s(newEmail.value()), ":normalized", s(newEmail.normalized()),
                            ":true", bool(true), ":now", time(now), ":one", n(1), ":old", s(oldNormalized))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** Records a successful login; true if it is the account's first ever. */
    public boolean recordLogin(String userId, Instant at) {
        Map<String, AttributeValue> old = dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                .updateExpression("SET lastLoginAt = :at")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":at", time(at)))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_OLD)).attributes();
        return old == null || !old.containsKey("lastLoginAt");
    }

    /** Applies profile changes (null = unchanged) if the version is still {@code expectedVersion}. */
    public Optional<User> updateProfile(String userId, long expectedVersion, String name, String timezone, String locale) {
        List<String> sets = new ArrayList<>(List.of("updatedAt = :now"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":now", time(clock.instant()), ":one", n(1),
                ":expected", n(expectedVersion)));
        Map<String, String> names = new HashMap<>();
        if (name != null) {
            sets.add("#name = :name");
            names.put("#name", "name");
            values.put(":name", s(name));
        }
        if (timezone != null) {
            sets.add("#tz = :tz");
            names.put("#tz", "timezone");
            values.put(":tz", s(timezone));
        }
        if (locale != null) {
            sets.add("#locale = :locale");
            names.put("#locale", "locale");
            values.put(":locale", s(locale));
        }
        try {
            Map<String, AttributeValue> updated = dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.user(userId))
                    .updateExpression("SET " + String.join(", ", sets) + " ADD version :one")
                    .conditionExpression("attribute_exists(pk) AND version = :expected")
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values)
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes();
            return Optional.of(fromItem(updated));
        } catch (ConditionalCheckFailedException stale) {
            return Optional.empty();
        }
    }

    static Map<String, AttributeValue> toItem(User user) {
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.user(user.userId()));
        item.put("userId", s(user.userId()));
        item.put("email", s(user.email()));
        item.put("emailNormalized", s(user.normalizedEmail()));
        item.put("name", s(user.name()));
        item.put("timezone", s(user.timezone()));
        item.put("locale", s(user.locale()));
        item.put("passwordHash", s(user.passwordHash()));
        item.put("emailVerified", bool(user.emailVerified()));
        if (user.emailVerifiedAt() != null) {
            item.put("emailVerifiedAt", time(user.emailVerifiedAt()));
        }
        item.put("status", s(user.status().name()));
        item.put("homeWorkspaceId", s(user.homeWorkspaceId()));
        item.put("workspaceName", s(user.workspaceName()));
        item.put("signupEventId", s(user.signupEventId()));
        item.put("createdAt", time(user.createdAt()));
        item.put("updatedAt", time(user.createdAt()));
        item.put("passwordChangedAt", time(user.passwordChangedAt()));
        item.put("version", n(user.version()));
        return item;
    }

    static User fromItem(Map<String, AttributeValue> item) {
        return new User(
                Items.requiredString(item, "userId"),
                Items.requiredString(item, "email"),
                Items.requiredString(item, "name"),
                Items.string(item, "timezone").orElse("UTC"),
                Items.string(item, "locale").orElse("en"),
                Items.requiredString(item, "passwordHash"),
                Items.flag(item, "emailVerified"),
                Items.instant(item, "emailVerifiedAt").orElse(null),
                AccountStatus.valueOf(Items.string(item, "status").orElse(AccountStatus.ACTIVE.name())),
                Items.requiredString(item, "homeWorkspaceId"),
                Items.string(item, "workspaceName").orElse(""),
                Items.string(item, "signupEventId").orElse(""),
                Items.instant(item, "createdAt").orElseThrow(),
                Items.instant(item, "passwordChangedAt").orElseThrow(),
                Items.number(item, "version").orElse(1L));
    }
}

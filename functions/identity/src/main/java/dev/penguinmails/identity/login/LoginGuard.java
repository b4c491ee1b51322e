package dev.penguinmails.identity.login;

import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.n;
import static dev.penguinmails.identity.accounts.Items.s;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.AuthSettings;
import dev.penguinmails.identity.accounts.Items;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.identity.tokens.SecretHash;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Lockout after consecutive failed logins. The state is kept per address
 * ({@code LOGINGUARD#<sha256(address)>}), not per account, so an address without an account locks
 * exactly like one with: the lock says nothing about whether the account exists. A success clears it;
 * failures are forgotten a day after the last one.
 */
@Singleton
public class LoginGuard {
    private static final Duration FORGET_FAILURES_AFTER = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final AuthSettings settings;
    private final Clock clock = Clock.systemUTC();

    public LoginGuard(DynamoDbClient dynamo, IdentityTable table, AuthSettings settings) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.settings = settings;
    }

    /** Until when the address is locked, if it is. */
    public Optional<Instant> lockedUntil(String normalizedEmail) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(normalizedEmail))
                .consistentRead(true)).item();
        if (Items.isGone(item, now)) {
            return Optional.empty();
        }
        return Items.number(item, "lockedUntil").map(Instant::ofEpochSecond).filter(now::isBefore);
    }

    /**
     * Counts one more failure. When it reaches the threshold the address is locked (counter reset), and
     * the outcome says so exactly once, to the request that locked it.
     */
    public Failure recordFailure(String normalizedEmail) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = Map.of(":one", n(1), ":expires", epochSeconds(now.plus(FORGET_FAILURES_AFTER)),
                ":now", epochSeconds(now));
        Map<String, AttributeValue> updated;
        try {
            updated = dynamo.updateItem(r -> r.tableName(table).key(key(normalizedEmail))
                    .updateExpression("ADD failures :one SET expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt > :now")
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException expired) {
            // A stale item that TTL has not removed yet: start counting afresh.
            Map<String, AttributeValue> fresh = new HashMap<>(key(normalizedEmail));
            fresh.put("failures", n(1));
            fresh.put(AccountKeys.EXPIRES_AT, epochSeconds(now.plus(FORGET_FAILURES_AFTER)));
            dynamo.putItem(r -> r.tableName(table).item(fresh));
            updated = fresh;
        }
        int failures = Items.number(updated, "failures").orElse(1L).intValue();
        if (failures < settings.lockoutThreshold()) {
            return new Failure(failures, Optional.empty());
        }
        Instant until = now.plus(settings.lockoutDuration());
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(normalizedEmail))
                    .updateExpression("SET lockedUntil = :until, failures = :zero, expiresAt = :expires")
                    .conditionExpression("failures >= :threshold")
                    .expressionAttributeValues(Map.of(":until", epochSeconds(until), ":zero", n(0),
                            ":threshold", n(settings.lockoutThreshold()),
                            ":expires", epochSeconds(until.plus(FORGET_FAILURES_AFTER)))));
            return new Failure(failures, Optional.of(until));
        } catch (ConditionalCheckFailedException lockedByAnother) {
            // A concurrent failure locked it first; that request reports (and emails) the lock.
            return new Failure(failures, Optional.empty());
        }
    }

    /** Forgets the failures and any lock, after a successful login or a password reset. */
    public void clear(String normalizedEmail) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(normalizedEmail)));
    }

    private static Map<String, AttributeValue> key(String normalizedEmail) {
        // Hashed: the item is about an address that may have no account, and need not name it.
        return AccountKeys.loginGuard(SecretHash.sha256Hex(normalizedEmail));
    }

    /** The failure just counted, and the lock it caused, if it was the one that did. */
    public record Failure(int consecutiveFailures, Optional<Instant> lockedNowUntil) { }
}

package dev.penguinmails.identity.tokens;

import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.s;
import static dev.penguinmails.identity.accounts.Items.time;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.Items;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.identity.tokens.SecretHash;
import dev.penguinmails.shared.problems.ProblemException;
import dev.penguinmails.shared.problems.ProblemType;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One-time tokens for links in emails: 256 random bits, base64url (43 characters). Only the SHA-256
 * is stored ({@code TOKEN#<hash>}), with an expiry; using one marks it used with a conditional write,
 * so it works once even when two requests race.
 */
@Singleton
public class OneTimeTokens {
    /** The answer for any token that is unknown, expired, used, tampered with or for something else. */
    public static final ProblemType INVALID_TOKEN = ProblemType.of("invalid-token", "The link is not valid", 400);
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public OneTimeTokens(DynamoDbClient dynamo, IdentityTable table) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.clock = Clock.systemUTC();
    }

    /** Issues a token; the raw value goes into the email and nowhere else. */
    public String issue(TokenPurpose purpose, String userId, Map<String, String> data) {
        String raw = SecretHash.randomSecret(32);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.oneTimeToken(SecretHash.sha256Hex(raw)));
        item.put("purpose", s(purpose.name()));
        item.put("userId", s(userId));
        item.put("issuedAt", time(now));
        item.put(AccountKeys.EXPIRES_AT, epochSeconds(now.plus(purpose.lifetime())));
        Map<String, AttributeValue> stored = new HashMap<>();
        data.forEach((k, v) -> stored.put(k, s(v)));
        item.put("data", AttributeValue.fromM(stored));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        return raw;
    }

    /** The unused, unexpired token of {@code purpose} that {@code raw} stands for; nothing is changed. */
    public Optional<OneTimeToken> find(TokenPurpose purpose, String raw) {
        if (raw == null || !SHAPE.matcher(raw).matches()) {
            return Optional.empty();
        }
        String hash = SecretHash.sha256Hex(raw);
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(AccountKeys.oneTimeToken(hash))
                .consistentRead(true)).item();
        if (Items.isGone(item, clock.instant()) || item.containsKey("usedAt")
                || !purpose.name().equals(Items.string(item, "purpose").orElse(""))) {
            return Optional.empty();
        }
        Map<String, String> data = new HashMap<>();
        AttributeValue stored = item.get("data");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((k, v) -> data.put(k, v.s()));
        }
        return Optional.of(new OneTimeToken(hash, purpose, Items.requiredString(item, "userId"), data,
                Items.instant(item, "issuedAt").orElseThrow(),
                Instant.ofEpochSecond(Items.number(item, AccountKeys.EXPIRES_AT).orElseThrow())));
    }

    /** {@link #find}, or the 400 {@code invalid-token} problem. */
    public OneTimeToken require(TokenPurpose purpose, String raw) {
        return find(purpose, raw).orElseThrow(OneTimeTokens::invalid);
    }

    /** Marks the token used; false if it was used (or expired) meanwhile. */
    public boolean consume(OneTimeToken token) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(AccountKeys.oneTimeToken(token.hash()))
                    .updateExpression("SET usedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :epoch")
                    .expressionAttributeValues(Map.of(":now", time(now), ":epoch", epochSeconds(now))));
            return true;
        } catch (ConditionalCheckFailedException usedOrExpired) {
            return false;
        }
    }

    /** Marks the token used, or answers 400 {@code invalid-token} if it was used meanwhile. */
    public void consumeOrFail(OneTimeToken token) {
        if (!consume(token)) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return new ProblemException(INVALID_TOKEN,
                "This link is invalid, has expired or was already used. Ask for a new one.");
    }
}

package dev.penguinmails.identity.login;

import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.s;
import static dev.penguinmails.identity.accounts.Items.time;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.ClientInfo;
import dev.penguinmails.identity.accounts.Items;
import dev.penguinmails.identity.store.IdentityTable;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The login activity log of each account ({@code USER#<id> / LOGIN#<ulid>}), kept 90 days and listed
 * newest first with signed cursors bound to the account.
 */
@Singleton
public class LoginActivity {
    private static final Duration RETENTION = Duration.ofDays(90);

    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;
    private final Clock clock = Clock.systemUTC();

    public LoginActivity(DynamoDbClient dynamo, IdentityTable table, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table.name();
        this.cursors = cursors;
    }

    public void record(String userId, ClientInfo client, LoginOutcome outcome, @Nullable String sessionId) {
        Instant now = clock.instant();
        String id = Ids.newId("login");
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.loginAttempt(userId, id));
        item.put("attemptId", s(id));
        item.put("occurredAt", time(now));
        item.put("ip", s(client.ip()));
        item.put("userAgent", s(client.userAgent()));
        item.put("device", s(UserAgentFamily.of(client.userAgent())));
        item.put("outcome", s(outcome.name()));
        if (sessionId != null) {
            item.put("sessionId", s(sessionId));
        }
        item.put(AccountKeys.EXPIRES_AT, epochSeconds(now.plus(RETENTION)));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    public Page<LoginAttempt> list(String userId, PageRequest page) {
        String scope = "login-activity|" + userId;
        Instant now = clock.instant();
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .filterExpression("attribute_not_exists(expiresAt) OR expiresAt > :now")
                .expressionAttributeValues(Map.of(":pk", s(AccountKeys.userPartition(userId)),
                        ":prefix", s(AccountKeys.LOGIN_PREFIX), ":now", epochSeconds(now)))
                .scanIndexForward(false)
                .limit(page.limit());
        if (page.cursor() != null) {
            query.exclusiveStartKey(cursors.decode(page.cursor(), scope));
        }
        QueryResponse response = dynamo.query(query.build());
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? cursors.encode(response.lastEvaluatedKey(), scope) : null;
        return new Page<>(response.items().stream().map(LoginActivity::fromItem).toList(), next);
    }

    private static LoginAttempt fromItem(Map<String, AttributeValue> item) {
        return new LoginAttempt(Items.requiredString(item, "attemptId"), Items.instant(item, "occurredAt").orElseThrow(),
                Items.string(item, "ip").orElse(ClientInfo.UNKNOWN), Items.string(item, "userAgent").orElse(ClientInfo.UNKNOWN),
                Items.string(item, "device").orElse("Unknown device"),
                LoginOutcome.valueOf(Items.requiredString(item, "outcome")), Items.string(item, "sessionId").orElse(null));
    }
}

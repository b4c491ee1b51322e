package dev.penguinmails.identity.emails;

import static dev.penguinmails.identity.accounts.Items.epochSeconds;
import static dev.penguinmails.identity.accounts.Items.s;
import static dev.penguinmails.identity.accounts.Items.time;

import dev.penguinmails.identity.accounts.AccountKeys;
import dev.penguinmails.identity.accounts.Items;
import dev.penguinmails.identity.store.IdentityKeys;
import dev.penguinmails.identity.store.IdentityTable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which emails went out for which event ({@code EMAILSENT#<eventId> / <email name>}), so that when one
 * event sends two emails and the second fails, the retry sends only the second.
 */
@Singleton
public class SentEmails {
    private static final Duration RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock = Clock.systemUTC();

    public SentEmails(DynamoDbClient dynamo, IdentityTable table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    public boolean wasSent(String eventId, String emailName) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(eventId, emailName))
                .consistentRead(true)).item();
        return !Items.isGone(item, clock.instant());
    }

    public void recordSent(String eventId, String emailName) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(key(eventId, emailName));
        item.put("sentAt", time(now));
        item.put(AccountKeys.EXPIRES_AT, epochSeconds(now.plus(RETENTION)));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String eventId, String emailName) {
        return IdentityKeys.key("EMAILSENT#" + eventId, s(emailName).s());
    }
}

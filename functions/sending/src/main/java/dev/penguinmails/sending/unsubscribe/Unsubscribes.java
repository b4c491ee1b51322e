package dev.penguinmails.sending.unsubscribe;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.sending.EmailUnsubscribed;
import dev.penguinmails.events.sending.SendingEvents;
import dev.penguinmails.sending.sends.SentMessage;
import dev.penguinmails.sending.sends.SentMessages;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Records an unsubscribe once per message ({@code pk WS#<workspace>#MESSAGE#<message id>, sk UNSUBSCRIBE}, beside
 * the sent message) and owes {@code email.unsubscribed} on that same item through the outbox: the event is written in
 * the request that records the unsubscribe, published right after, and relayed later if the bus was down, so it is
 * never lost once the page has confirmed. A second click finds the item and owes nothing more. Contacts does the
 * rest (status, suppression; decision 0054).
 */
@Singleton
public class Unsubscribes {
    private static final Logger LOG = LoggerFactory.getLogger(Unsubscribes.class);
    static final String SORT = "UNSUBSCRIBE";

    /** What a verified token's unsubscribe came to. */
    public enum Outcome {
        /** Recorded now; {@code email.unsubscribed} is owed. */
        UNSUBSCRIBED,
        /** Recorded before: nothing more happens, and the page confirms all the same. */
        ALREADY,
        /** The workspace sent no such message to that contact: nothing happens. */
        UNKNOWN_MESSAGE
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final SentMessages messages;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    Unsubscribes(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table,
                 SentMessages messages, Outbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.messages = messages;
        this.outbox = outbox;
    }

    /**
     * Unsubscribes the recipient of the token's message. The workspace, message, contact and campaign all come from
     * the verified token, and the message must match them, so a token only ever reaches its own workspace's message.
     *
     * @param method {@code one-click} (RFC 8058 POST) or {@code page} (the confirmation form)
     */
    public Outcome unsubscribe(UnsubscribeToken token, String method) {
        Optional<SentMessage> found = messages.find(token.workspaceId(), token.messageId())
                .filter(m -> m.send().contactId().equals(token.contactId())
                        && m.send().campaignId().equals(token.campaignId()));
        if (found.isEmpty()) {
            LOG.warn("Unsubscribe token for unknown message {} in {}", token.messageId(), token.workspaceId());
            return Outcome.UNKNOWN_MESSAGE;
        }
        SentMessage message = found.get();
        OutboxEntry owed = outbox.entry().event(DomainEvent.create(SendingEvents.EMAIL_UNSUBSCRIBED, token.workspaceId(),
                new EmailUnsubscribed(message.messageId(), message.send(), message.emailHash(), method))).build();
        Map<String, AttributeValue> key = key(token.workspaceId(), token.messageId());
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("method", AttributeValue.fromS(method));
        item.put("campaignId", AttributeValue.fromS(message.send().campaignId()));
        item.put("contactId", AttributeValue.fromS(message.send().contactId()));
        item.put("unsubscribedAt", AttributeValue.fromS(Instant.now(clock).toString()));
        item.putAll(owed.attributes());
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException recordedBefore) {
            return Outcome.ALREADY;
        }
        outbox.deliver(table, key, owed);
        LOG.info("Unsubscribed contact {} of campaign {} in {} ({})", message.send().contactId(),
                message.send().campaignId(), token.workspaceId(), method);
        return Outcome.UNSUBSCRIBED;
    }

    /** Whether the message's recipient unsubscribed through it. */
    public boolean recorded(String workspaceId, String messageId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(workspaceId, messageId))).item();
        return item != null && !item.isEmpty();
    }

    private static Map<String, AttributeValue> key(String workspaceId, String messageId) {
        return Map.of("pk", AttributeValue.fromS(SentMessages.partition(workspaceId, messageId)),
                "sk", AttributeValue.fromS(SORT));
    }
}

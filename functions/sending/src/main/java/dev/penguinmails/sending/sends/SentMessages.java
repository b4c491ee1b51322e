package dev.penguinmails.sending.sends;

import dev.penguinmails.events.sending.CampaignSend;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sent-message items ({@code pk WS#<workspace>#MESSAGE#<message id>, sk MESSAGE}): one partition per message,
 * so recording a send never heats a shared partition. The key starts with the workspace, so a message id from
 * another workspace's link finds nothing.
 */
@Singleton
public class SentMessages {
    private static final String SORT = "MESSAGE";

    private final DynamoDbClient dynamo;
    private final String table;

    SentMessages(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Records the message once; false if it was already recorded (a retried worker records it again). */
    public boolean record(SentMessage message) {
        CampaignSend send = message.send();
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS(partition(message.workspaceId(), message.messageId())),
                "sk", AttributeValue.fromS(SORT),
                "mailboxId", AttributeValue.fromS(message.mailboxId()),
                "campaignId", AttributeValue.fromS(send.campaignId()),
                "enrolmentId", AttributeValue.fromS(send.enrolmentId()),
                "contactId", AttributeValue.fromS(send.contactId()),
                "step", AttributeValue.fromN(Integer.toString(send.step())),
                "variantId", AttributeValue.fromS(send.variantId()),
                "emailHash", AttributeValue.fromS(message.emailHash()),
                "sentAt", AttributeValue.fromS(message.sentAt().toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException recorded) {
            return false;
        }
    }

    /** The message the workspace sent under {@code messageId}, if any. */
    public Optional<SentMessage> find(String workspaceId, String messageId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(partition(workspaceId, messageId)),
                "sk", AttributeValue.fromS(SORT)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        CampaignSend send = new CampaignSend(item.get("campaignId").s(), item.get("enrolmentId").s(),
                item.get("contactId").s(), Integer.parseInt(item.get("step").n()), item.get("variantId").s());
        return Optional.of(new SentMessage(workspaceId, messageId, item.get("mailboxId").s(), send,
                item.get("emailHash").s(), Instant.parse(item.get("sentAt").s())));
    }

    /** The partition of one message; other facts about the message (its unsubscribe) live beside it. */
    public static String partition(String workspaceId, String messageId) {
        return "WS#" + workspaceId + "#MESSAGE#" + messageId;
    }
}

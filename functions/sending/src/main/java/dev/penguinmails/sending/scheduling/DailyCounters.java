package dev.penguinmails.sending.scheduling;

import dev.penguinmails.shared.aws.BatchWrites;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sends reserved per UTC day ({@code pk WS#<workspace>#DAILY#<date>}): per mailbox (with the time it is free again,
 * for the random gap), per campaign, and per campaign and mailbox. A reservation is a conditional ADD, so two ticks
 * can never push a counter past its cap.
 */
@Singleton
public class DailyCounters {
    private static final String CAMPAIGN_PREFIX = "campaign_";
    private final DynamoDbClient dynamo;
    private final String table;

    DailyCounters(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A mailbox's day so far: sends reserved (in all, and per campaign id) and when the next may go. */
    public record MailboxDay(int count, Instant freeAt, Map<String, Integer> perCampaign) { }

    /** Several mailboxes' days at once (batched reads); a mailbox without sends today is left out. */
    public Map<String, MailboxDay> mailboxes(TenantContext tenant, Collection<String> mailboxIds, Instant now) {
        Map<String, MailboxDay> out = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchWrites.getAll(dynamo, table,
                mailboxIds.stream().distinct().map(id -> key(tenant, now, "MAILBOX#" + id)).toList())) {
            Map<String, Integer> perCampaign = new HashMap<>();
            item.forEach((name, value) -> {
                if (name.startsWith(CAMPAIGN_PREFIX)) {
                    perCampaign.put(name.substring(CAMPAIGN_PREFIX.length()), Integer.parseInt(value.n()));
                }
            });
            out.put(item.get("sk").s().substring("MAILBOX#".length()), new MailboxDay(count(item),
                    item.containsKey("freeAt") ? Instant.parse(item.get("freeAt").s()) : Instant.EPOCH, perCampaign));
        }
        return out;
    }

    public int count(TenantContext tenant, Instant now, String counter) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(tenant, now, counter))).item();
        return item == null || item.isEmpty() ? 0 : count(item);
    }

    /** Adds one to {@code counter} if below {@code cap}; false if the cap is reached. */
    public boolean reserve(TenantContext tenant, Instant now, String counter, int cap) {
        return update(tenant, now, counter, cap);
    }

    /**
     * Adds one to the mailbox's day and one to the campaign's sends through it today, if both are below their caps,
     * and marks the mailbox busy until {@code freeAt}: one conditional write on the mailbox's day item, so that both
     * caps hold together (decision 0076). False if either cap is reached; then nothing changed.
     */
    public boolean reserveMailbox(TenantContext tenant, Instant now, String mailboxId, int cap, String campaignId,
                                  int campaignCap, Instant freeAt) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant, now, "MAILBOX#" + mailboxId))
                    .updateExpression("SET #f = :f ADD #c :one, #p :one")
                    .conditionExpression("(attribute_not_exists(#c) OR #c < :cap) AND (attribute_not_exists(#p) OR #p < :pcap)")
                    .expressionAttributeNames(Map.of("#c", "count", "#p", CAMPAIGN_PREFIX + campaignId, "#f", "freeAt"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":cap", AttributeValue.fromN(Integer.toString(cap)),
                            ":pcap", AttributeValue.fromN(Integer.toString(campaignCap)),
                            ":f", AttributeValue.fromS(freeAt.toString()))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    /** Gives back a reservation another cap refused. */
    public void release(TenantContext tenant, Instant now, String counter) {
        dynamo.updateItem(r -> r.tableName(table).key(key(tenant, now, counter)).updateExpression("ADD #c :minus")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1"))));
    }

    private boolean update(TenantContext tenant, Instant now, String counter, int cap) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant, now, counter)).updateExpression("ADD #c :one")
                    .conditionExpression("attribute_not_exists(#c) OR #c < :cap")
                    .expressionAttributeNames(Map.of("#c", "count"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":cap", AttributeValue.fromN(Integer.toString(cap)))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    private static int count(Map<String, AttributeValue> item) {
        return item.containsKey("count") ? Integer.parseInt(item.get("count").n()) : 0;
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, Instant now, String counter) {
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + "DAILY#" + LocalDate.ofInstant(now, ZoneOffset.UTC)),
                "sk", AttributeValue.fromS(counter));
    }
}

package dev.penguinmails.sending.enrolments;

import dev.penguinmails.events.contacts.ContactState;
import dev.penguinmails.sending.campaigns.CampaignCompletion;
import dev.penguinmails.sending.scheduling.DueIndex;
import dev.penguinmails.shared.aws.BatchWrites;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Enrolment items, one partition per contact ({@code pk WS#<workspace>#ENROLMENTS#<contact>, sk <campaign>}): a
 * contact's enrolments in every campaign are one Query away, which is what {@code contact.deleted},
 * {@code contact.erased} and {@code contact.unsubscribed} need, without a scan and without an index item to keep.
 * Every change is conditional on the item's {@code version}; creation on its absence.
 */
@Singleton
public class EnrolmentStore {
    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentStore.class);
    private final DynamoDbClient dynamo;
    private final String table;
    private final JsonMapper json;
    private final CampaignCompletion completion;

    EnrolmentStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table,
                   JsonMapper json, CampaignCompletion completion) {
        this.dynamo = dynamo;
        this.table = table;
        this.json = json;
        this.completion = completion;
    }

    /** What enrolling did: whether the enrolment is new, and the due entry it needs (null: none, it has moved on). */
    public record Enrolled(boolean created, DueIndex.@Nullable Due due) { }

    /**
     * Creates the enrolment if the (campaign, contact) has none (not created: a redelivered chunk). Either way a
     * fresh active enrolment needs its due entry, which the caller writes for the whole chunk (its item has a fixed
     * key, so writing it again is harmless).
     */
    public Enrolled enrol(TenantContext tenant, Enrolment enrolment) {
        Map<String, AttributeValue> item = write(enrolment);
        item.putAll(key(tenant, enrolment.contactId(), enrolment.campaignId()));
        boolean created;
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            created = true;
        } catch (ConditionalCheckFailedException exists) {
            created = false;
        }
        // A crash before the due entry was written left the enrolment out of the index: the redelivery puts it back.
        Enrolment stored = created ? enrolment : get(tenant, enrolment.id()).orElse(enrolment);
        boolean fresh = stored.status() == EnrolmentStatus.ACTIVE && stored.messageIds().isEmpty();
        return new Enrolled(created,
                fresh ? new DueIndex.Due(tenant.workspaceId(), stored.id(), stored.step(), stored.dueAt()) : null);
    }

    public Optional<Enrolment> get(TenantContext tenant, String enrolmentId) {
        if (!Enrolment.isValidId(enrolmentId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(tenant, Enrolment.contactOf(enrolmentId), Enrolment.campaignOf(enrolmentId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    /** The enrolments of {@code enrolmentIds} that exist, by id, read in batches of 100 (the scheduler tick). */
    public Map<String, Enrolment> getAll(TenantContext tenant, Collection<String> enrolmentIds) {
        Map<String, Enrolment> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = enrolmentIds.stream().filter(Enrolment::isValidId).distinct()
                .map(id -> key(tenant, Enrolment.contactOf(id), Enrolment.campaignOf(id))).toList();
        for (Map<String, AttributeValue> item : BatchWrites.getAll(dynamo, table, keys)) {
            Enrolment e = read(item);
            found.put(e.id(), e);
        }
        return found;
    }

    /** The contact's enrolments in every campaign of the workspace. */
    public List<Enrolment> ofContact(TenantContext tenant, String contactId) {
        List<Enrolment> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(tenant, contactId))))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> found.add(read(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    /**
     * Replaces {@code current} with {@code next} if unchanged meanwhile; false otherwise. An enrolment that leaves
     * {@code active} here is counted, once (the write is conditional on its version), towards its campaign's
     * completion (decision 0066).
     */
    public boolean replace(TenantContext tenant, Enrolment current, Enrolment next) {
        Map<String, AttributeValue> item = write(next);
        item.putAll(key(tenant, current.contactId(), current.campaignId()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(current.version())))));
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
        if (current.status() == EnrolmentStatus.ACTIVE && next.status() != EnrolmentStatus.ACTIVE) {
            try {
                completion.enrolmentEnded(tenant, current.campaignId());
            } catch (RuntimeException e) {
                // The enrolment's change stands; uncounted, the campaign stays active rather than end early.
                LOG.error("Enrolment {} ended but was not counted towards campaign {}'s completion", current.id(),
                        current.campaignId(), e);
            }
        }
        return true;
    }

    private Map<String, AttributeValue> write(Enrolment e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("workspaceId", AttributeValue.fromS(e.workspaceId()));
        item.put("campaignId", AttributeValue.fromS(e.campaignId()));
        item.put("contactId", AttributeValue.fromS(e.contactId()));
        item.put("status", AttributeValue.fromS(e.status().wire()));
        if (e.stopReason() != null) {
            item.put("stopReason", AttributeValue.fromS(e.stopReason()));
        }
        item.put("step", AttributeValue.fromN(Integer.toString(e.step())));
        item.put("dueAt", AttributeValue.fromS(e.dueAt().toString()));
        if (e.mailboxId() != null) {
            item.put("mailboxId", AttributeValue.fromS(e.mailboxId()));
        }
        item.put("messageIds", AttributeValue.fromL(e.messageIds().stream().map(AttributeValue::fromS).toList()));
        if (e.contact() != null) {
            try {
                item.put("contact", AttributeValue.fromS(new String(json.writeValueAsBytes(e.contact()), StandardCharsets.UTF_8)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            item.put("contactVersion", AttributeValue.fromN(Long.toString(e.contact().version())));
        }
        item.put("version", AttributeValue.fromN(Long.toString(e.version())));
        return item;
    }

    private Enrolment read(Map<String, AttributeValue> item) {
        ContactState contact = null;
        if (item.containsKey("contact")) {
            try {
                contact = json.readValue(item.get("contact").s(), ContactState.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Enrolment(item.get("workspaceId").s(), item.get("campaignId").s(), item.get("contactId").s(),
                EnrolmentStatus.fromWire(item.get("status").s()), text(item, "stopReason"),
                Integer.parseInt(item.get("step").n()), Instant.parse(item.get("dueAt").s()), text(item, "mailboxId"),
                item.get("messageIds").l().stream().map(AttributeValue::s).toList(), contact,
                Long.parseLong(item.get("version").n()));
    }

    private static @Nullable String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Map<String, AttributeValue> key(TenantContext tenant, String contactId, String campaignId) {
        return Map.of("pk", AttributeValue.fromS(partition(tenant, contactId)), "sk", AttributeValue.fromS(campaignId));
    }

    private static String partition(TenantContext tenant, String contactId) {
        if (tenant == null) {
            throw new IllegalStateException("enrolments cannot be read or changed without a TenantContext");
        }
        return tenant.keyPrefix() + "ENROLMENTS#" + contactId;
    }
}

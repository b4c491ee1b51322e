package dev.penguinmails.sending.campaigns;

import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.outbox.VersionedWrites;
import dev.penguinmails.shared.pagination.CursorCodec;
import dev.penguinmails.shared.pagination.LiveItems;
import dev.penguinmails.shared.pagination.Page;
import dev.penguinmails.shared.pagination.PageRequest;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Campaign items ({@code pk WS#<workspace>#CAMPAIGNS, sk <campaign id>}): status, version and the owner's
 * {@link CampaignDefinition} as one JSON document (it is always read and written whole). Every key is built from
 * the {@link TenantContext}, so no call can reach another workspace's campaigns; every change is conditional on
 * the version read.
 */
@Singleton
public class CampaignStore {
    static final String PARTITION = "CAMPAIGNS";

    private final DynamoDbClient dynamo;
    private final String table;
    private final CursorCodec cursors;
    private final JsonMapper json;

    CampaignStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table,
                  CursorCodec cursors, JsonMapper json) {
        this.dynamo = dynamo;
        this.table = table;
        this.cursors = cursors;
        this.json = json;
    }

    /** Writes a new campaign; false if the id exists (it never should). */
    public boolean create(TenantContext tenant, Campaign campaign) {
        Map<String, AttributeValue> item = new HashMap<>(write(campaign));
        item.putAll(key(tenant, campaign.id()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** Replaces the campaign at {@code expectedVersion} with {@code next}; false if it changed meanwhile. */
    public boolean replace(TenantContext tenant, long expectedVersion, Campaign next) {
        return replace(tenant, expectedVersion, next, null);
    }

    /**
     * Replaces the campaign and, in the same write, stores what the change {@code owed} (e.g. {@code campaign.launched}):
     * the event can never be lost between the status change and its publication.
     */
    public boolean replace(TenantContext tenant, long expectedVersion, Campaign next, @Nullable OutboxEntry owed) {
        return VersionedWrites.replace(dynamo, table, key(tenant, next.id()), write(next), List.of(), expectedVersion, owed);
    }

    /** The table the campaigns live in, for delivering what a change owes. */
    public String table() {
        return table;
    }

    /** Deletes the campaign if still at {@code expectedVersion}; false if it changed meanwhile. */
    public boolean delete(TenantContext tenant, Campaign current) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(tenant, current.id()))
                    .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(current.version())))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    public Optional<Campaign> get(TenantContext tenant, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    /** One page of the workspace's campaigns, oldest first (ids sort by creation). */
    public Page<Campaign> list(TenantContext tenant, PageRequest page) {
        return LiveItems.page(dynamo, table, partition(tenant), "campaigns|" + tenant.workspaceId(), page, cursors, this::read);
    }

    private Map<String, AttributeValue> write(Campaign c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("workspaceId", AttributeValue.fromS(c.workspaceId()));
        item.put("id", AttributeValue.fromS(c.id()));
        item.put("status", AttributeValue.fromS(c.status().wire()));
        try {
            item.put("definition", AttributeValue.fromS(new String(json.writeValueAsBytes(c.definition()), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        item.put("createdAt", AttributeValue.fromS(c.createdAt().toString()));
        item.put("updatedAt", AttributeValue.fromS(c.updatedAt().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(c.version())));
        return item;
    }

    private Campaign read(Map<String, AttributeValue> item) {
        CampaignDefinition definition;
        try {
            definition = json.readValue(item.get("definition").s(), CampaignDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("campaign " + item.get("id").s() + " has an unreadable definition", e);
        }
        return new Campaign(item.get("workspaceId").s(), item.get("id").s(), CampaignStatus.fromWire(item.get("status").s()),
                definition, Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get("version").n()));
    }

    public static Map<String, AttributeValue> key(TenantContext tenant, String id) {
        return Map.of("pk", partition(tenant), "sk", AttributeValue.fromS(id));
    }

    private static AttributeValue partition(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("campaigns cannot be read or changed without a TenantContext");
        }
        return AttributeValue.fromS(tenant.keyPrefix() + PARTITION);
    }
}

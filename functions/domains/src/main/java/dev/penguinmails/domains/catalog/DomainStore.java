package dev.penguinmails.domains.catalog;

import dev.penguinmails.events.outbox.Outbox;
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
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Domain items ({@code pk WS#<workspace>#DOMAINS, sk <ascii name>}): one per domain and workspace, so the name is
 * unique in the workspace by the key itself. Every key is built from the {@link TenantContext}, so no call can
 * reach another workspace's domains. Writes are conditional on the version read and carry their events in the
 * item's outbox. A removed domain stays as REMOVED for a week (its {@code domain.removed} is owed by that item),
 * and the name can be added again meanwhile.
 */
@Singleton
public class DomainStore {
    static final String PARTITION = "DOMAINS";
    static final Duration KEEP_REMOVED = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final CursorCodec cursors;

    DomainStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.DOMAINS) String table,
                Outbox outbox, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.cursors = cursors;
    }

    public String table() {
        return table;
    }

    /** Writes a new domain at version 1; false if the workspace has it already (and it is not removed). */
    public boolean create(TenantContext tenant, Domain domain, OutboxEntry owed) {
        Map<String, AttributeValue> item = new HashMap<>(DomainItems.write(domain));
        item.putAll(key(tenant, domain.name()));
        item.putAll(owed.attributes());
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #status = :removed")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":removed", AttributeValue.fromS(DomainStatus.REMOVED.name()))));
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
        outbox.deliver(table, key(tenant, domain.name()), owed);
        return true;
    }

    /**
     * Replaces {@code current} with {@code next} (same key) if its version is still {@code current}'s, with
     * {@code owed} in the same write; false if it changed meanwhile.
     */
    public boolean replace(TenantContext tenant, Domain current, Domain next, @Nullable OutboxEntry owed) {
        return replace(tenant, current, next, owed, Map.of());
    }

    /**
     * {@link #replace(TenantContext, Domain, Domain, OutboxEntry)}, setting in the same write {@code also}: attributes
     * a capability keeps on the domain item beside the domain (the last verification, blacklist results), laid out
     * by that capability. Attributes not named stay as they are.
     */
    public boolean replace(TenantContext tenant, Domain current, Domain next, @Nullable OutboxEntry owed,
                           Map<String, AttributeValue> also) {
        Map<String, AttributeValue> attributes = new HashMap<>(also);
        attributes.putAll(DomainItems.write(next));
        if (next.status() == DomainStatus.REMOVED) {
            attributes.put("expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plus(KEEP_REMOVED).getEpochSecond())));
        }
        if (!VersionedWrites.replace(dynamo, table, key(tenant, next.name()), attributes, DomainItems.OPTIONAL,
                current.version(), owed)) {
            return false;
        }
        if (owed != null) {
            outbox.deliver(table, key(tenant, next.name()), owed);
        }
        return true;
    }

    /**
     * Sets {@code attribute} to true on the domain's item, beside the domain and without changing its version: a
     * note a capability keeps for later (that an SES identity may exist). A removed or absent domain is left alone.
     */
    public void flag(TenantContext tenant, String name, String attribute) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(tenant, name))
                    .updateExpression("SET #flag = :true")
                    .conditionExpression("attribute_exists(pk) AND #status <> :removed")
                    .expressionAttributeNames(Map.of("#flag", attribute, "#status", "status"))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                            ":removed", AttributeValue.fromS(DomainStatus.REMOVED.name()))));
        } catch (ConditionalCheckFailedException gone) {
            // Removed meanwhile: nothing to note.
        }
    }

    /** The workspace's domain of that name, unless removed. */
    public Optional<Domain> get(TenantContext tenant, String name) {
        return getStored(tenant, name).map(Stored::domain);
    }

    /** The workspace's domain of that name with its whole item, for the attributes capabilities keep beside it. */
    public Optional<Stored> getStored(TenantContext tenant, String name) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, name))
                .consistentRead(true)).item();
        return Optional.ofNullable(item).filter(i -> !i.isEmpty()).map(i -> new Stored(DomainItems.read(i), i))
                .filter(s -> s.domain().status() != DomainStatus.REMOVED);
    }

    /** A domain as read, and the item it was read from. */
    public record Stored(Domain domain, Map<String, AttributeValue> item) { }

    /** One page of the workspace's domains, by name. */
    public Page<Domain> list(TenantContext tenant, PageRequest page) {
        return LiveItems.page(dynamo, table, partition(tenant), "domains|" + tenant.workspaceId(), page, cursors,
                DomainItems::read);
    }

    /**
     * Live domains of every workspace last checked before {@code before} (never-checked ones first), stalest first,
     * at most {@code limit}: for the scheduled re-verification, which works under a system tenant per workspace.
     */
    public List<DueDomain> due(Instant before, int limit) {
        QueryResponse response = dynamo.query(r -> r.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p AND gsi1sk < :before")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(DomainItems.DUE_PARTITION),
                        ":before", AttributeValue.fromS(before.toString())))
                .limit(limit));
        return response.items().stream().map(i -> new DueDomain(i.get("workspaceId").s(), i.get("name").s())).toList();
    }

    /** A domain the re-verification is due to check. */
    public record DueDomain(String workspaceId, String name) { }

    static Map<String, AttributeValue> key(TenantContext tenant, String name) {
        return Map.of("pk", partition(tenant), "sk", AttributeValue.fromS(name));
    }

    private static AttributeValue partition(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("domains cannot be read or changed without a TenantContext");
        }
        return AttributeValue.fromS(tenant.keyPrefix() + PARTITION);
    }
}

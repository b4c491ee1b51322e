package dev.penguinmails.domains.mailboxes;

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
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Mailbox items ({@code pk WS#<workspace>#MAILBOXES, sk <mailbox id>}). The id derives from the address, so an
 * address is one mailbox per workspace by the key itself. Every key is built from the {@link TenantContext}.
 * Writes are conditional on the version read and carry their events in the item's outbox. A removed mailbox
 * stays as REMOVED for a week (its {@code mailbox.removed} is owed by that item); connecting the address again
 * meanwhile continues its versions, so consumers never take the new one for an old one.
 */
@Singleton
public class MailboxStore {
    static final String PARTITION = "MAILBOXES";
    static final Duration KEEP_REMOVED = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final CursorCodec cursors;

    MailboxStore(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.DOMAINS) String table,
                 Outbox outbox, CursorCodec cursors) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.cursors = cursors;
    }

    /** Writes a mailbox whose address the workspace never had; false if it has it (in any state) meanwhile. */
    public boolean create(TenantContext tenant, Mailbox mailbox, OutboxEntry owed) {
        Map<String, AttributeValue> item = new HashMap<>(MailboxItems.write(mailbox));
        item.putAll(key(tenant, mailbox.id()));
        item.putAll(owed.attributes());
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
        outbox.deliver(table, key(tenant, mailbox.id()), owed);
        return true;
    }

    /** Replaces {@code current} (any state, REMOVED included) with {@code next} if unchanged meanwhile, with {@code owed}. */
    public boolean replace(TenantContext tenant, Mailbox current, Mailbox next, @Nullable OutboxEntry owed) {
        Map<String, AttributeValue> attributes = new HashMap<>(MailboxItems.write(next));
        if (next.status() == Mailbox.Status.REMOVED) {
            attributes.put("expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plus(KEEP_REMOVED).getEpochSecond())));
        }
        if (!VersionedWrites.replace(dynamo, table, key(tenant, next.id()), attributes, MailboxItems.OPTIONAL,
                current.version(), owed)) {
            return false;
        }
        if (owed != null) {
            outbox.deliver(table, key(tenant, next.id()), owed);
        }
        return true;
    }

    /** The workspace's mailbox of that id, REMOVED ones included. */
    public Optional<Mailbox> find(TenantContext tenant, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(tenant, id))
                .consistentRead(true)).item();
        return Optional.ofNullable(item).filter(i -> !i.isEmpty()).map(MailboxItems::read);
    }

    /** The workspace's mailbox of that id, unless removed. */
    public Optional<Mailbox> get(TenantContext tenant, String id) {
        return find(tenant, id).filter(m -> m.status() != Mailbox.Status.REMOVED);
    }

    /** One page of the workspace's mailboxes, in id order. */
    public Page<Mailbox> list(TenantContext tenant, PageRequest page) {
        return LiveItems.page(dynamo, table, partition(tenant), "mailboxes|" + tenant.workspaceId(), page, cursors,
                MailboxItems::read);
    }

    static Map<String, AttributeValue> key(TenantContext tenant, String id) {
        return Map.of("pk", partition(tenant), "sk", AttributeValue.fromS(id));
    }

    private static AttributeValue partition(TenantContext tenant) {
        if (tenant == null) {
            throw new IllegalStateException("mailboxes cannot be read or changed without a TenantContext");
        }
        return AttributeValue.fromS(tenant.keyPrefix() + PARTITION);
    }
}

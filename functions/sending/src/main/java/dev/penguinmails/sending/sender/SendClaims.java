package dev.penguinmails.sending.sender;

import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.outbox.VersionedWrites;
import dev.penguinmails.shared.aws.BatchWrites;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Claim items ({@code pk WS#<workspace>#CLAIM#<enrolment>, sk STEP#<step>}): created with a conditional put (only the
 * first delivery of a task gets it), then moved from state to state conditionally on the version read, carrying
 * the {@code email.sent}/{@code email.failed} event it owes (outbox) so the event is never lost.
 */
@Singleton
public class SendClaims {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;

    SendClaims(DynamoDbClient dynamo, @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table,
               Outbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
    }

    /** Takes the claim; false if the (enrolment, step) was claimed before. */
    public boolean claim(TenantContext tenant, SendClaim claim) {
        Map<String, AttributeValue> item = write(claim);
        item.putAll(key(tenant, claim.enrolmentId(), claim.step()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Moves {@code current} to {@code next} (and stores what it owes) if unchanged meanwhile; false otherwise. */
    public boolean move(TenantContext tenant, SendClaim current, SendClaim next, @Nullable OutboxEntry owed) {
        return VersionedWrites.replace(dynamo, table, key(tenant, current.enrolmentId(), current.step()), write(next),
                List.of("reason"), current.version(), owed);
    }

    /**
     * Deletes a claim whose send certainly did not happen (the mailbox itself was refused before any message was
     * handed over), if unchanged meanwhile: the next delivery claims afresh, with the mailbox it is given then.
     */
    public boolean release(TenantContext tenant, SendClaim claim) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(tenant, claim.enrolmentId(), claim.step()))
                    .conditionExpression("#v = :v AND #s = :s")
                    .expressionAttributeNames(Map.of("#v", "version", "#s", "state"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(claim.version())),
                            ":s", AttributeValue.fromS(SendClaim.State.CLAIMED.wire()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** A stored claim and the event it still owes, if any ({@code email.sent} of a claim a crash left {@code sent}). */
    public record Stored(SendClaim claim, @Nullable OutboxEntry owed) { }

    public Optional<SendClaim> get(TenantContext tenant, String enrolmentId, int step) {
        return find(tenant, enrolmentId, step).map(Stored::claim);
    }

    public Optional<Stored> find(TenantContext tenant, String enrolmentId, int step) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(tenant, enrolmentId, step))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stored(item));
    }

    private Stored stored(Map<String, AttributeValue> item) {
        List<OutboxEntry> owed = outbox.pendingOn(item);
        return new Stored(read(item), owed.size() == 1 ? owed.get(0) : null);
    }

    /** The stored claims of {@code sends} ((enrolment, step) pairs) that exist, by {@code <enrolment>#<step>}. */
    public Map<String, Stored> findAll(TenantContext tenant, Collection<Map.Entry<String, Integer>> sends) {
        Map<String, Stored> found = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchWrites.getAll(dynamo, table,
                sends.stream().distinct().map(s -> key(tenant, s.getKey(), s.getValue())).toList())) {
            Stored stored = stored(item);
            found.put(stored.claim().enrolmentId() + "#" + stored.claim().step(), stored);
        }
        return found;
    }

    /**
     * Moves a {@code sent} claim to {@code recorded} and clears {@code delivered}, its one owed event the caller has
     * published, in one write; without {@code delivered}, or if the claim owes more, the move alone (the relay
     * delivers what is left). False if the claim changed meanwhile.
     */
    public boolean close(TenantContext tenant, SendClaim sent, @Nullable OutboxEntry delivered) {
        SendClaim recorded = sent.with(SendClaim.State.RECORDED, sent.attempts(), sent.claimedAt(), null);
        Map<String, AttributeValue> key = key(tenant, sent.enrolmentId(), sent.step());
        if (delivered != null && VersionedWrites.replaceDelivered(dynamo, table, key, write(recorded), List.of("reason"),
                sent.version(), delivered)) {
            return true;
        }
        return move(tenant, sent, recorded, null);
    }

    private static SendClaim read(Map<String, AttributeValue> item) {
        return new SendClaim(item.get("workspaceId").s(), item.get("enrolmentId").s(),
                Integer.parseInt(item.get("step").n()), SendClaim.State.fromWire(item.get("state").s()),
                item.get("messageId").s(), item.get("mailboxId").s(), item.get("variant").s(),
                Integer.parseInt(item.get("attempts").n()), Instant.parse(item.get("claimedAt").s()),
                item.containsKey("reason") ? item.get("reason").s() : null, Long.parseLong(item.get("version").n()));
    }

    public String table() {
        return table;
    }

    public static Map<String, AttributeValue> key(TenantContext tenant, String enrolmentId, int step) {
        if (tenant == null) {
            throw new IllegalStateException("claims cannot be read or changed without a TenantContext");
        }
        return Map.of("pk", AttributeValue.fromS(tenant.keyPrefix() + "CLAIM#" + enrolmentId),
                "sk", AttributeValue.fromS("STEP#" + step));
    }

    private static Map<String, AttributeValue> write(SendClaim c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("workspaceId", AttributeValue.fromS(c.workspaceId()));
        item.put("enrolmentId", AttributeValue.fromS(c.enrolmentId()));
        item.put("step", AttributeValue.fromN(Integer.toString(c.step())));
        item.put("state", AttributeValue.fromS(c.state().wire()));
        item.put("messageId", AttributeValue.fromS(c.messageId()));
        item.put("mailboxId", AttributeValue.fromS(c.mailboxId()));
        item.put("variant", AttributeValue.fromS(c.variant()));
        item.put("attempts", AttributeValue.fromN(Integer.toString(c.attempts())));
        item.put("claimedAt", AttributeValue.fromS(c.claimedAt().toString()));
        if (c.reason() != null) {
            item.put("reason", AttributeValue.fromS(c.reason()));
        }
        item.put("version", AttributeValue.fromN(Long.toString(c.version())));
        return item;
    }
}

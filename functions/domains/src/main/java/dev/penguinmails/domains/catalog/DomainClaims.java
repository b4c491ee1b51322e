package dev.penguinmails.domains.catalog;

import dev.penguinmails.shared.tenancy.TenantContext;
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
 * Which workspace a domain name belongs to, platform-wide: one claim item per ASCII name
 * ({@code pk DOMAINCLAIM#<name>, sk CLAIM}) in the domains table, naming the workspace whose copy verified last.
 * Every workspace's DKIM key is published at the same selector, so only one copy can verify, and sending
 * (reputation, bounces, the tracking domain, the SES identity) needs one owner per name.
 *
 * <p>A claim binds only while the holder's copy is {@code verified}: a degraded, failed or removed copy no longer
 * holds the name, and the next workspace whose records pass takes it. Without transactions (the table's emulator has
 * none) each change of the claim is a write conditional on the claim's version as read, and taking it sets a short
 * lease covering the holder's own domain write that follows, so a verification in flight is not overtaken.
 * See decision 0035.
 */
@Singleton
public class DomainClaims {
    static final String PARTITION_PREFIX = "DOMAINCLAIM#";
    static final String SORT_KEY = "CLAIM";
    /** Longer than a verification takes from taking the claim to writing the domain (milliseconds). */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final String ACTOR = "system:domain-claims";

    private final DynamoDbClient dynamo;
    private final DomainStore store;

    DomainClaims(DynamoDbClient dynamo, DomainStore store) {
        this.dynamo = dynamo;
        this.store = store;
    }

    /** A claim as read: the holder, since when, its version and until when the holder's verification is in flight. */
    public record Claim(String workspaceId, Instant claimedAt, long version, Instant leaseUntil) { }

    /** Where a name stands for a workspace. */
    public enum Standing {
        /** No workspace holds it. */
        FREE,
        /** This workspace holds it. */
        OURS,
        /** Another workspace holds it, but its copy is no longer verified (or is gone): it may be taken. */
        LAPSED,
        /** Another workspace's copy is verified (or is verifying right now): it cannot be added or verified here. */
        HELD_ELSEWHERE
    }

    /** The claim on {@code name}, if any. */
    public Optional<Claim> read(String name) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(store.table()).key(key(name))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(item.get("workspaceId").s(), Instant.parse(item.get("claimedAt").s()),
                Long.parseLong(item.get("version").n()), Instant.ofEpochMilli(Long.parseLong(item.get("leaseUntil").n()))));
    }

    /**
     * How {@code claim} stands for the tenant's workspace. For another holder this reads that workspace's copy of
     * the name, and only its status: nothing of it leaves this class.
     */
    public Standing standing(TenantContext tenant, String name, Optional<Claim> claim, Instant now) {
        if (claim.isEmpty()) {
            return Standing.FREE;
        }
        Claim held = claim.get();
        if (held.workspaceId().equals(tenant.workspaceId())) {
            return Standing.OURS;
        }
        if (now.isBefore(held.leaseUntil())) {
            return Standing.HELD_ELSEWHERE;
        }
        boolean verified = store.get(TenantContext.system(held.workspaceId(), ACTOR), name)
                .map(d -> d.status() == DomainStatus.VERIFIED).orElse(false);
        return verified ? Standing.HELD_ELSEWHERE : Standing.LAPSED;
    }

    /** Whether another workspace holds the name with a verified copy: what refuses adding it. */
    public boolean heldElsewhere(TenantContext tenant, String name) {
        return standing(tenant, name, read(name), Instant.now()) == Standing.HELD_ELSEWHERE;
    }

    /**
     * Takes (or renews) the claim for the tenant's workspace, if it is still as read: absent, or at the version read.
     * The caller has found it FREE, OURS or LAPSED, and writes its domain verified only if this answers true (the
     * lease, from {@code now}, covers that write). Empty: someone changed the claim meanwhile; read it again.
     */
    public Optional<Claim> take(TenantContext tenant, String name, Optional<Claim> asRead, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(name));
        item.put("name", AttributeValue.fromS(name));
        item.put("workspaceId", AttributeValue.fromS(tenant.workspaceId()));
        boolean renewal = asRead.map(c -> c.workspaceId().equals(tenant.workspaceId())).orElse(false);
        Claim taken = new Claim(tenant.workspaceId(), renewal ? asRead.get().claimedAt() : now,
                asRead.map(Claim::version).orElse(0L) + 1, now.plus(LEASE));
        item.put("claimedAt", AttributeValue.fromS(taken.claimedAt().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(taken.version())));
        item.put("leaseUntil", AttributeValue.fromN(Long.toString(taken.leaseUntil().toEpochMilli())));
        try {
            dynamo.putItem(r -> {
                r.tableName(store.table()).item(item);
                if (asRead.isEmpty()) {
                    r.conditionExpression("attribute_not_exists(pk)");
                } else {
                    r.conditionExpression("#version = :read")
                            .expressionAttributeNames(Map.of("#version", "version"))
                            .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(asRead.get().version()))));
                }
            });
            return Optional.of(taken);
        } catch (ConditionalCheckFailedException changed) {
            return Optional.empty();
        }
    }

    /**
     * Ends the tenant's lease at once, so another workspace need not wait for it: after its domain write (the
     * domain's status now tells), or when that write did not happen. A claim changed meanwhile (taken by another, or
     * renewed by another verification of ours) is left alone.
     */
    public void settle(String name, Claim taken) {
        try {
            dynamo.updateItem(r -> r.tableName(store.table()).key(key(name))
                    .updateExpression("SET leaseUntil = :zero")
                    .conditionExpression("#version = :taken")
                    .expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
                            ":taken", AttributeValue.fromN(Long.toString(taken.version())))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Taken by another workspace, or released: nothing of ours to settle.
        }
    }

    /** Gives the name up, if the tenant's workspace holds it (its domain was removed). */
    public void release(TenantContext tenant, String name) {
        try {
            dynamo.deleteItem(r -> r.tableName(store.table()).key(key(name))
                    .conditionExpression("workspaceId = :me")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(tenant.workspaceId()))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Another workspace holds it, or no one does.
        }
    }

    static Map<String, AttributeValue> key(String name) {
        return Map.of("pk", AttributeValue.fromS(PARTITION_PREFIX + name), "sk", AttributeValue.fromS(SORT_KEY));
    }
}

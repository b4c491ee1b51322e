package dev.penguinmails.billing.account;

import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The billing table's layout for accounts: one item per workspace ({@code WS#id#BILLING / ACCOUNT}), written with a
 * version check and, in the same update, the outbox entry of the events the change owes. Accounts past due and not yet
 * paused are indexed under {@link #DUNNING_PARTITION} (gsi1) by the time they fell behind, for the dunning sweep.
 */
@Singleton
public class BillingAccounts {
    public static final String DUNNING_PARTITION = "DUNNING";
    private final DynamoDbClient dynamo;
    /** Attributes an account may lack: a write that leaves one unset removes it, so no stale value survives. */
    private static final List<String> NULLABLE = List.of("customerId", "subscriptionId", "interval", "periodStart",
            "periodEnd", "cancelReason", "trialEnd", "pendingCheckoutId", "pastDueSince", "fetchedAt", "gsi1pk", "gsi1sk",
            "periodEmailAllowance");

    private final String table;
    private final Outbox outbox;

    BillingAccounts(DynamoDbClient dynamo, @Property(name = "penguinmails.tables.billing") String table, Outbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
    }

    public String table() {
        return table;
    }

    public static Map<String, AttributeValue> key(String workspaceId) {
        return Map.of("pk", s("WS#" + workspaceId + "#BILLING"), "sk", s("ACCOUNT"));
    }

    /** The workspace's account, or a fresh one on {@code freePlanId} if it never had one. */
    public BillingAccount get(String workspaceId, String freePlanId) {
        return find(workspaceId).orElseGet(() -> BillingAccount.fresh(workspaceId, freePlanId));
    }

    public Optional<BillingAccount> find(String workspaceId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(workspaceId))
                .consistentRead(true)).item();
        return item != null && !item.isEmpty() ? Optional.of(read(item)) : Optional.empty();
    }

    /**
     * Records the workspace's Stripe customer unless one is recorded already; answers the one recorded. Two
     * concurrent checkouts may each create a customer in Stripe: the first recorded wins, the other stays unused.
     */
    public String recordCustomer(String workspaceId, String customerId, String freePlanId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(workspaceId))
                    .updateExpression("SET customerId = :c, workspaceId = :w, planId = if_not_exists(planId, :free),"
                            + " #status = if_not_exists(#status, :none), version = if_not_exists(version, :zero)")
                    .conditionExpression("attribute_not_exists(customerId)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":c", s(customerId), ":w", s(workspaceId), ":free", s(freePlanId),
                            ":none", s("none"), ":zero", n(0L))));
            return customerId;
        } catch (ConditionalCheckFailedException raced) {
            return find(workspaceId).map(BillingAccount::customerId).orElseThrow();
        }
    }

    public void recordPendingCheckout(String workspaceId, @Nullable String sessionId) {
        dynamo.updateItem(
                r -> r.tableName(table).key(key(workspaceId))
                    .updateExpression(sessionId == null ? "REMOVE pendingCheckoutId" : "SET pendingCheckoutId = :s")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(sessionId == null ? null : Map.of(":s", s(sessionId)))
            );
    }

    /**
     * Replaces {@code current} with {@code next} if nobody changed it meanwhile (same version), staging {@code owed}
     * in the same write and then delivering it; answers false if the account had changed.
     */
    public boolean write(BillingAccount current, BillingAccount next, @Nullable OutboxEntry owed) {
        Map<String, AttributeValue> values = new HashMap<>(attributes(next));
        Map<String, String> names = new HashMap<>();
        StringBuilder set = new StringBuilder();
        int i = 0;
        for (String attribute : values.keySet().toArray(String[]::new)) {
            String placeholder = ":v" + i;
            names.put("#a" + i, attribute);
            set.append(i == 0 ? "SET " : ", ").append("#a").append(i).append(" = ").append(placeholder);
            values.put(placeholder, values.remove(attribute));
            i++;
        }
        StringBuilder remove = new StringBuilder();
        // Attributes that a null value must remove, rather than leave as they were.
        for (String optional : NULLABLE) {
            if (!names.containsValue(optional)) {
                names.put("#r" + optional, optional);
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append("#r").append(optional);
            }
        }
        String expression = set + remove.toString();
        values.put(":expected", n(current.version()));
        String condition = current.version() == 0L ? "attribute_not_exists(version) OR version = :expected" : "version = :expected";
        try {
            dynamo.updateItem(
                    r -> r.tableName(table).key(key(next.workspaceId()))
                        .updateExpression(owed == null ? expression : owed.updateExpression(expression))
                        .conditionExpression(condition)
                        .expressionAttributeNames(owed == null ? names : owed.names(names))
                        .expressionAttributeValues(owed == null ? values : owed.values(values))
                );
        } catch (ConditionalCheckFailedException concurrent) {
            return false;
        }
        if (owed != null) {
            outbox.deliver(table, key(next.workspaceId()), owed);
        }
        return true;
    }

    private static Map<String, AttributeValue> attributes(BillingAccount a) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("workspaceId", s(a.workspaceId()));
        put(m, "customerId", a.customerId());
        put(m, "subscriptionId", a.subscriptionId());
        m.put("planId", s(a.planId()));
        put(m, "interval", a.interval());
        m.put("status", s(a.status()));
        m.put("extraMailboxes", n(a.extraMailboxes()));
        put(m, "periodStart", a.periodStart());
        put(m, "periodEnd", a.periodEnd());
        m.put("cancelAtPeriodEnd", AttributeValue.fromBool(a.cancelAtPeriodEnd()));
        put(m, "cancelReason", a.cancelReason());
        put(m, "trialEnd", a.trialEnd());
        put(m, "pendingCheckoutId", a.pendingCheckoutId());
        put(m, "pastDueSince", a.pastDueSince());
        if (a.pastDueSince() != null && !a.sendingPaused()) {
            m.put("gsi1pk", s(DUNNING_PARTITION));
            m.put("gsi1sk", s(a.pastDueSince().toString()));
        }
        m.put("sendingPaused", AttributeValue.fromBool(a.sendingPaused()));
        put(m, "fetchedAt", a.fetchedAt());
        m.put("version", n(a.version()));
        if (a.periodEmailAllowance() != null) {
            m.put("periodEmailAllowance", n(a.periodEmailAllowance()));
        }
        return m;
    }

    static BillingAccount read(Map<String, AttributeValue> item) {
        return new BillingAccount(
            str(item, "workspaceId"),
            str(item, "customerId"),
            str(item, "subscriptionId"),
            str(item, "planId"),
            str(item, "interval"),
            str(item, "status"),
            (int)num(item, "extraMailboxes"),
            instant(item, "periodStart"),
            instant(item, "periodEnd"),
            bool(item, "cancelAtPeriodEnd"),
            str(item, "cancelReason"),
            instant(item, "trialEnd"),
            str(item, "pendingCheckoutId"),
            instant(item, "pastDueSince"),
            bool(item, "sendingPaused"),
            instant(item, "fetchedAt"),
            num(item, "version"),
            item.containsKey("periodEmailAllowance") ? num(item, "periodEmailAllowance") : null
        );
    }

    private static void put(Map<String, AttributeValue> m, String name, @Nullable Object value) {
        if (value != null) {
            m.put(name, s(value.toString()));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && v.n() != null ? Long.parseLong(v.n()) : 0L;
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}

package dev.penguinmails.sending.quota;

import dev.penguinmails.sending.sender.SendBatch;
import dev.penguinmails.sending.sender.SendingQuota;
import dev.penguinmails.shared.plans.PlanCopyStore;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The {@link SendingQuota} from billing's events (decision 0065): sending's copy of the plan's {@code emailsPerMonth}
 * (the free plan's until billing publishes one), the subscription's {@code sendingPaused}, and the workspace's
 * {@link MonthlySends}. A send takes a place before it is claimed and gives it back only when it surely did not leave.
 */
@Singleton
public class BillingSendingQuota implements SendingQuota {
    static final String ACTOR = "system:sending-quota";

    private final DynamoDbClient dynamo;
    private final String table;
    private final MonthlySends sends;
    private final QuotaSettings settings;

    BillingSendingQuota(DynamoDbClient dynamo,
                        @Property(name = "penguinmails.tables." + PenguinMailsTopology.SENDING) String table,
                        MonthlySends sends, QuotaSettings settings) {
        this.dynamo = dynamo;
        this.table = table;
        this.sends = sends;
        this.settings = settings;
    }

    @Override
    public Allowance allowance(String workspaceId, Instant at) {
        TenantContext tenant = tenant(workspaceId);
        Map<String, AttributeValue> planKey = PlanCopyStore.planPartitionKey(workspaceId);
        Map<String, AttributeValue> countKey = MonthlySends.key(tenant, at);
        // One consistent batched read of the plan copy and the month's counter.
        List<Map<String, AttributeValue>> items = dynamo.batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(planKey, countKey).consistentRead(true).build())))
                .responses().getOrDefault(table, List.of());
        Map<String, AttributeValue> plan = items.stream().filter(i -> "PLAN".equals(i.get("sk").s())).findFirst().orElse(Map.of());
        long used = items.stream().filter(i -> i.get("sk").s().startsWith("SENT#")).findFirst()
                .map(i -> i.containsKey("count") ? Long.parseLong(i.get("count").n()) : 0L).orElse(0L);
        return new Allowance(paused(plan), Math.max(0, limit(plan) - used));
    }

    @Override
    public boolean reserve(String workspaceId, Instant at) {
        return reserve(at, workspaceId, plan(workspaceId));
    }

    /** The plan copy is read once per batch (decision 0082); the month's counter is taken every time. */
    @Override
    public boolean reserve(String workspaceId, Instant at, SendBatch batch) {
        return reserve(at, workspaceId, batch.once("plan#" + workspaceId, () -> plan(workspaceId)));
    }

    private boolean reserve(Instant at, String workspaceId, Map<String, AttributeValue> plan) {
        return !paused(plan) && sends.take(tenant(workspaceId), at, limit(plan));
    }

    private Map<String, AttributeValue> plan(String workspaceId) {
        Map<String, AttributeValue> plan = dynamo.getItem(r -> r.tableName(table)
                .key(PlanCopyStore.planPartitionKey(workspaceId)).consistentRead(true)).item();
        return plan == null ? Map.of() : plan;
    }

    @Override
    public void giveBack(String workspaceId, Instant reservedAt) {
        sends.giveBack(tenant(workspaceId), reservedAt);
    }

    /** The plan copy's emails a month, or the free plan's while billing has published none. */
    private long limit(Map<String, AttributeValue> plan) {
        if (!plan.containsKey("version") || !plan.containsKey("emailsPerMonth")) {
            return settings.defaultEmailsPerMonth();
        }
        return Long.parseLong(plan.get("emailsPerMonth").n());
    }

    private static boolean paused(Map<String, AttributeValue> plan) {
        AttributeValue paused = plan.get("sendingPaused");
        return paused != null && Boolean.TRUE.equals(paused.bool());
    }

    private static TenantContext tenant(String workspaceId) {
        return TenantContext.system(workspaceId, ACTOR);
    }
}

package dev.penguinmails.billing.dunning;

import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.subscriptions.AccountChanges;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.DunningStep;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.Outbox.Builder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.paginators.QueryIterable;

/**
 * Pauses sending for workspaces whose payment has been past due longer than the grace period, and says so.
 */
@Singleton
public class DunningSweep {
    private final DynamoDbClient dynamo;
    private final BillingAccounts accounts;
    private final AccountChanges changes;
    private final DunningNotices notices;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    DunningSweep(DynamoDbClient dynamo, BillingAccounts accounts, AccountChanges changes, DunningNotices notices,
                 Outbox outbox) {
        this(dynamo, accounts, changes, notices, outbox, Clock.systemUTC());
    }

    DunningSweep(DynamoDbClient dynamo, BillingAccounts accounts, AccountChanges changes, DunningNotices notices,
                 Outbox outbox, Clock clock) {
        this.dynamo = dynamo;
        this.accounts = accounts;
        this.changes = changes;
        this.notices = notices;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Pauses every account past due since before the grace period; answers their workspace ids. */
    public List<String> sweep() {
        Instant cutoff = clock.instant().minus(notices.grace());
        List<String> paused = new ArrayList<>();
        QueryIterable pages = dynamo.queryPaginator(r -> r.tableName(accounts.table()).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :p AND gsi1sk <= :cutoff")
                .expressionAttributeValues(Map.of(
                        ":p", AttributeValue.fromS(BillingAccounts.DUNNING_PARTITION),
                        ":cutoff", AttributeValue.fromS(cutoff.toString()))));

        for (Map<String, AttributeValue> item : pages.items()) {
            String workspaceId = item.get("workspaceId").s();
            BillingAccount current = accounts.find(workspaceId).orElse(null);
            // The index may lag the table: check the account itself before pausing.
            if (current != null && !current.sendingPaused() && current.pastDueSince() != null
                    && !current.pastDueSince().isAfter(cutoff)) {
                BillingAccount next = current.withSendingPaused();
                Builder owed = outbox.entry();
                changes.stateEvents(current, next).forEach(owed::event);
                owed.event(DomainEvent.create(BillingEvents.DUNNING_STEP, workspaceId, new DunningStep(
                        "sending_paused", current.status(), null, cutoff.plus(notices.grace()).toString())));
                if (accounts.write(current, next, owed.build())) {
                    paused.add(workspaceId);
                }
            }
        }
        return paused;
    }
}

package dev.penguinmails.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.Fixtures;
import dev.penguinmails.events.testing.EventsStack;
import dev.penguinmails.testsupport.FlakyEventBridge;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.ConsumerQueue;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.TableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox against real peers (dynalite, the local EventBridge, ElasticMQ), with PutEvents failures
 * injected on the wire: a change commits with what it owes, a failed delivery leaves it on the item, and
 * the relay delivers it exactly once when the bus is back.
 */
@Tag("integration")
class OutboxTest {
    private static final TableSpec LAYOUT = TableSpec.standard("identity");
    private static FlakyEventBridge proxy;
    private static EventsStack env;
    private static Outbox outbox;
    private static OutboxRelay relay;
    private static DynamoDbClient dynamo;
    private static String table;

    @BeforeAll
    static void start() {
        proxy = FlakyEventBridge.inFrontOf(TestAws.shared().endpoints().eventBridge());
        env = EventsStack.start(Map.of(
                ConfigKeys.endpoint("eventbridge"), proxy.endpoint().toString(),
                "penguinmails.events.publish.max-attempts", 2,
                "penguinmails.events.publish.base-delay", "1ms",
                "penguinmails.events.publish.max-delay", "2ms",
                "penguinmails.outbox.relay.min-age", "0s"));
        outbox = env.context().getBean(Outbox.class);
        relay = env.context().getBean(OutboxRelay.class);
        dynamo = env.context().getBean(DynamoDbClient.class);
        table = env.stack().tableName("identity");
    }

    @AfterAll
    static void stop() {
        env.close();
        proxy.close();
    }

    @BeforeEach
    void busWorks() {
        proxy.inject((call, entry) -> null);
        relay.relay(table, LAYOUT, () -> false);
        env.drain(EventsStack.EMAILS_QUEUE);
    }

    @Test
    void aDeliveredEntryLeavesNothingBehind() {
        DomainEvent<?> event = Fixtures.signedUp("delivered@example.com");
        Map<String, AttributeValue> audit = auditItem();
        OutboxEntry entry = outbox.entry().event(event).put(audit).build();
        Map<String, AttributeValue> key = createItemWith(entry);

        assertThat(outbox.deliver(table, key, entry)).isTrue();

        assertThat(item(key)).doesNotContainKeys(entry.attributeName(), "outboxIds", "outboxpk", "outboxsk");
        assertThat(item(keyOf(audit))).containsEntry("action", AttributeValue.fromS("thing.done"));
        assertThat(relay.relay(table, LAYOUT, () -> false).delivered()).isZero();
        assertThat(consumerCounts()).containsExactly(Map.entry(event.eventId(), 1));
    }

    @Test
    void whatTheBusRefusedIsRelayedOnceItIsBack() {
        DomainEvent<?> event = Fixtures.signedUp("relayed@example.com");
        Map<String, AttributeValue> audit = auditItem();
        OutboxEntry entry = outbox.entry().event(event).put(audit).build();
        Map<String, AttributeValue> key = createItemWith(entry);
        proxy.inject((call, e) -> "InternalFailure");

        assertThat(outbox.deliver(table, key, entry)).isFalse();
        assertThat(item(key)).containsKeys(entry.attributeName(), "outboxpk");
        assertThat(item(keyOf(audit))).as("owed items do not wait for the bus").isNotEmpty();
        assertThat(relay.relay(table, LAYOUT, () -> false)).isEqualTo(new OutboxRelay.Summary(0, 1, true));

        proxy.inject((call, e) -> null);
        assertThat(relay.relay(table, LAYOUT, () -> false)).isEqualTo(new OutboxRelay.Summary(1, 0, true));
        assertThat(relay.relay(table, LAYOUT, () -> false)).isEqualTo(new OutboxRelay.Summary(0, 0, true));

        assertThat(item(key)).doesNotContainKeys(entry.attributeName(), "outboxIds", "outboxpk");
        assertThat(item(keyOf(audit))).containsEntry("action", AttributeValue.fromS("thing.done"));
        assertThat(consumerCounts()).containsExactly(Map.entry(event.eventId(), 1));
    }

    @Test
    void entriesOfSeveralChangesOnOneItemAreEachDelivered() {
        DomainEvent<?> first = Fixtures.signedUp("first@example.com");
        DomainEvent<?> second = Fixtures.signedUp("second@example.com");
        OutboxEntry one = outbox.entry().event(first).build();
        OutboxEntry two = outbox.entry().event(second).build();
        Map<String, AttributeValue> key = createItemWith(one);
        dynamo.updateItem(r -> r.tableName(table).key(key)
                .updateExpression(two.updateExpression("SET #n = :n ADD #c :one"))
                .expressionAttributeNames(two.names(Map.of("#n", "name", "#c", "changes")))
                .expressionAttributeValues(two.values(Map.of(":n", AttributeValue.fromS("renamed"),
                        ":one", AttributeValue.fromN("1")))));
        assertThat(item(key)).containsEntry("name", AttributeValue.fromS("renamed"))
                .containsEntry("changes", AttributeValue.fromN("1"));
        assertThat(item(key).get("outboxIds").ss()).containsExactlyInAnyOrder(one.id(), two.id());

        assertThat(outbox.deliver(table, key, two)).isTrue();
        assertThat(item(key)).containsKeys(one.attributeName(), "outboxpk").doesNotContainKey(two.attributeName());

        assertThat(relay.relay(table, LAYOUT, () -> false).delivered()).isEqualTo(1);
        assertThat(item(key)).doesNotContainKeys(one.attributeName(), "outboxIds", "outboxpk", "outboxsk");
        assertThat(consumerCounts()).containsOnly(Map.entry(first.eventId(), 1), Map.entry(second.eventId(), 1));
    }

    @Test
    void aChangeCanClearItsOneDeliveredEntryInTheSameWriteAndNothingElse() {
        OutboxEntry one = outbox.entry().event(Fixtures.signedUp("cleared@example.com")).build();
        Map<String, AttributeValue> key = createItemWith(one);
        Map<String, AttributeValue> closed = Map.of("name", AttributeValue.fromS("closed"), "version", AttributeValue.fromN("2"));

        assertThat(VersionedWrites.replaceDelivered(dynamo, table, key, closed, List.of(), 0, one)).as("stale version").isFalse();
        assertThat(VersionedWrites.replaceDelivered(dynamo, table, key, closed, List.of(), 1, one)).isTrue();
        assertThat(item(key)).containsEntry("name", AttributeValue.fromS("closed"))
                .doesNotContainKeys(one.attributeName(), "outboxIds", "outboxpk", "outboxsk");

        OutboxEntry first = outbox.entry().event(Fixtures.signedUp("kept1@example.com")).build();
        OutboxEntry second = outbox.entry().event(Fixtures.signedUp("kept2@example.com")).build();
        Map<String, AttributeValue> both = createItemWith(first);
        dynamo.updateItem(r -> r.tableName(table).key(both).updateExpression(second.updateExpression(""))
                .expressionAttributeNames(second.names(Map.of())).expressionAttributeValues(second.values(Map.of())));
        assertThat(VersionedWrites.replaceDelivered(dynamo, table, both, closed, List.of(), 1, first))
                .as("the item owes another entry too").isFalse();
        assertThat(item(both)).containsEntry("name", AttributeValue.fromS("original"))
                .containsKeys(first.attributeName(), second.attributeName(), "outboxpk");
    }

    @Test
    void stagingOnAMissingItemWritesNothing() {
        OutboxEntry entry = outbox.entry().event(Fixtures.signedUp("nobody@example.com")).build();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("TEST#" + Ids.newId("t")),
                "sk", AttributeValue.fromS("ITEM"));

        assertThat(outbox.stage(table, key, entry)).isFalse();
        assertThat(item(key)).isEmpty();
    }

    private static Map<String, AttributeValue> createItemWith(OutboxEntry entry) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("TEST#" + Ids.newId("t")),
                "sk", AttributeValue.fromS("ITEM"));
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("name", AttributeValue.fromS("original"));
        item.put("version", AttributeValue.fromN("1"));
        item.putAll(entry.attributes());
        dynamo.putItem(r -> r.tableName(table).item(item));
        return key;
    }

    private static Map<String, AttributeValue> auditItem() {
        return Map.of("pk", AttributeValue.fromS("TEST#AUDIT"), "sk", AttributeValue.fromS(Ids.newId("aud")),
                "action", AttributeValue.fromS("thing.done"));
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    /** How many times each event id reached the consumer queue; waits for deliveries to settle. */
    private static Map<String, Integer> consumerCounts() {
        return ConsumerQueue.countByEventId(env.aws().clients().sqs(), env.stack().queueUrl(EventsStack.EMAILS_QUEUE));
    }
}

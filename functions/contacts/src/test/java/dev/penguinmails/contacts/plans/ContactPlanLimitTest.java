package dev.penguinmails.contacts.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.contacts.Caller;
import dev.penguinmails.contacts.ContactsApiTest;
import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.billing.BillingEvents;
import dev.penguinmails.events.billing.PlanChanged;
import dev.penguinmails.events.billing.PlanLimits;
import dev.penguinmails.events.publish.EventPublisher;
import dev.penguinmails.shared.tenancy.TenantContext;
import dev.penguinmails.testsupport.QueueDelivery;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contacts of a workspace's plan through the real handler: the free plan's limit by default (3 here, by
 * configuration, instead of 500), the limits of billing's {@code billing.plan.changed} published on the bus and
 * delivered through the {@code contacts-plans} queue to the real consumer, and the counter that keeps concurrent
 * creates inside the limit. Refusals are {@code 409 plan-limit} and change nothing.
 */
@MicronautTest
@Tag("integration")
class ContactPlanLimitTest extends ContactsApiTest {
    private static final PlanLimits FREE = new PlanLimits(1, 3, 1_000, 1, 1);
    private static final PlanLimits STARTER = new PlanLimits(3, 5, 10_000, 1, 2);
    private static final PlanLimits TINY = new PlanLimits(1, 2, 1_000, 1, 1);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("penguinmails.contacts.plan-limits.default-contacts", "3");
    }

    @Test
    void aFreeWorkspaceHoldsItsThreeContactsARefusalWritesNothingAndDeletingOrErasingFreesAPlace() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        List<String> ids = new ArrayList<>();
        for (String local : List.of("ana", "bo", "cy")) {
            ids.add(created(owner, ws, local));
        }
        var before = snapshot();

        Reply refused = create(owner, ws, "{\"email\":\"di@example.io\"}");

        assertPlanLimit(refused, "free");
        assertThat(refused.json().get("detail").asText()).contains("The free plan allows 3 contacts; 3 in use");
        assertThat(refused.json().at("/errors/0/message").asText()).isEqualTo("limit 3 on the free plan, 3 in use");
        assertThat(snapshot()).as("the refused create leaves no claim, no contact, no count").isEqualTo(before);
        assertThat(published("contact.created", ws)).hasSize(3);

        // Bad input is a validation problem, not a place taken.
        Reply bad = create(owner, ws, "{\"email\":\"not-an-address\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);

        assertThat(http.delete(contacts(ws) + "/" + ids.get(0), owner.headers()).status()).isEqualTo(204);
        created(owner, ws, "di");
        assertPlanLimit(create(owner, ws, "{\"email\":\"ed@example.io\"}"), "free");
        Reply erased = http.post(contacts(ws) + "/" + ids.get(1) + "/erase", "", owner.headers());
        assertThat(erased.status()).as(erased.body()).isBetween(200, 204);
        created(owner, ws, "ed");
        assertThat(count(ws)).isEqualTo(3);
        assertThat(http.get(contacts(ws), owner.headers()).json().get("items")).hasSize(3);
    }

    @Test
    void anUpgradeOpensPlacesALateOlderPlanChangesNothingADowngradeDeletesNothingAndNeighboursAreApart() {
        String ws = workspace();
        String neighbour = workspace();
        Caller owner = Caller.owner(ws);

        plan(ws, "starter", STARTER, 2);
        plan(ws, "free", FREE, 1);
        assertThat(context.getBean(ContactLimit.class).planOf(TenantContext.system(ws, "test")).contacts()).isEqualTo(5);

        for (String local : List.of("a1", "a2", "a3", "a4", "a5")) {
            created(owner, ws, local);
        }
        Reply sixth = create(owner, ws, "{\"email\":\"a6@example.io\"}");
        assertPlanLimit(sixth, "starter");
        assertThat(sixth.json().get("detail").asText()).contains("allows 5 contacts; 5 in use");

        // The neighbour is on the free plan's default and its count starts at its own contacts.
        Caller other = Caller.owner(neighbour);
        for (String local : List.of("b1", "b2", "b3")) {
            created(other, neighbour, local);
        }
        assertPlanLimit(create(other, neighbour, "{\"email\":\"b4@example.io\"}"), "free");

        plan(ws, "free", TINY, 3);
        assertThat(http.get(contacts(ws), owner.headers()).json().get("items")).as("a downgrade deletes nothing")
                .hasSize(5);
        Reply afterDowngrade = create(owner, ws, "{\"email\":\"a7@example.io\"}");
        assertPlanLimit(afterDowngrade, "free");
        assertThat(afterDowngrade.json().get("detail").asText()).contains("allows 2 contacts; 5 in use");
        // Updates of existing contacts are still allowed.
        String first = http.get(contacts(ws), owner.headers()).json().get("items").get(0).get("id").asText();
        assertThat(http.patch(contacts(ws) + "/" + first, "{\"firstName\":\"Still\"}", owner.headers()).status())
                .isEqualTo(200);
    }

    @Test
    void twentyConcurrentCreatesForFiveFreePlacesCreateExactlyFive() throws Exception {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        plan(ws, "starter", STARTER, 1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String body = "{\"email\":\"racer" + i + "@example.io\"}";
                replies.add(pool.submit(() -> {
                    start.await();
                    return create(owner, ws, body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
        assertThat(http.get(contacts(ws), owner.headers()).json().get("items")).hasSize(5);
        assertThat(count(ws)).isEqualTo(5);
        assertThat(published("contact.created", ws)).hasSize(5);
    }

    @Test
    void aCounterThatStoodStillIsCountedAgainAndAMissingOneStartsFromTheContacts() {
        String ws = workspace();
        Caller owner = Caller.owner(ws);
        created(owner, ws, "ana");
        created(owner, ws, "bo");

        // Pre-limit contacts: no counter yet. The first create counts the two that are there.
        dynamo().deleteItem(r -> r.tableName(table()).key(counterKey(ws)));
        created(owner, ws, "cy");
        assertThat(count(ws)).isEqualTo(3);
        assertThat(registered(ws)).as("a started counter lists its workspace for the query model's reconciliation")
                .isTrue();
        assertPlanLimit(create(owner, ws, "{\"email\":\"di@example.io\"}"), "free");

        // Places held by creates that crashed (the count says 3, two contacts exist): a fresh counter is trusted...
        assertThat(http.delete(contacts(ws) + "/" + http.get(contacts(ws), owner.headers()).json().get("items").get(0)
                .get("id").asText(), owner.headers()).status()).isEqualTo(204);
        setCount(ws, 3, Instant.now());
        assertPlanLimit(create(owner, ws, "{\"email\":\"di@example.io\"}"), "free");
        // ...one that stood still past recount-after is counted again, and the create goes in.
        setCount(ws, 3, Instant.now().minusSeconds(600));
        assertThat(registered(ws)).isFalse();
        created(owner, ws, "di");
        assertThat(count(ws)).isEqualTo(3);
        assertThat(registered(ws)).as("a counter from before the registry is listed when counted again").isTrue();
    }

    /** Whether the workspace's counter is listed under the registry's {@code gsi1} key, as the reconciliation reads it. */
    private boolean registered(String ws) {
        return dynamo().queryPaginator(r -> r.tableName(table()).indexName("gsi1").keyConditionExpression("gsi1pk = :r")
                        .expressionAttributeValues(Map.of(":r", AttributeValue.fromS("CONTACT-COUNTS"))))
                .items().stream().anyMatch(i -> i.get("gsi1sk").s().equals(ws));
    }

    private String created(Caller caller, String ws, String local) {
        Reply reply = create(caller, ws, "{\"email\":\"" + local + "@example.io\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    /** Publishes billing's plan on the bus and lets the real consumer take it off the {@code contacts-plans} queue. */
    private void plan(String ws, String planId, PlanLimits limits, long version) {
        context.getBean(EventPublisher.class).publish(DomainEvent.create(BillingEvents.PLAN_CHANGED, ws,
                new PlanChanged(planId, null, "monthly", "active", limits, null, null, version)));
        List<String> failed = QueueDelivery.drain(TestAws.shared().clients().sqs(),
                stack.get(ConfigKeys.queueUrl(PenguinMailsTopology.CONTACTS_PLANS)),
                new PlanLimitsConsumer(context)::execute);
        assertThat(failed).as("contacts-plans consumer failures").isEmpty();
    }

    private long count(String ws) {
        return Long.parseLong(dynamo().getItem(r -> r.tableName(table()).key(counterKey(ws)).consistentRead(true))
                .item().get("inUse").n());
    }

    private void setCount(String ws, long inUse, Instant changedAt) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(counterKey(ws));
        item.put("inUse", AttributeValue.fromN(Long.toString(inUse)));
        item.put("changedAt", AttributeValue.fromS(changedAt.toString()));
        dynamo().putItem(r -> r.tableName(table()).item(item));
    }

    private static Map<String, AttributeValue> counterKey(String ws) {
        return Map.of("pk", AttributeValue.fromS("WS#" + ws + "#CONTACT-COUNT"), "sk", AttributeValue.fromS("COUNT"));
    }

    private static void assertPlanLimit(Reply reply, String planId) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(reply.problemSlug()).isEqualTo("plan-limit");
        assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("contacts");
        assertThat(reply.json().get("detail").asText()).contains("The " + planId + " plan allows");
    }
}

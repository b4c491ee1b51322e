package dev.penguinmails.billing.webhooks;

import static dev.penguinmails.testsupport.SqsBatches.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.StripeException;
import dev.penguinmails.billing.WebhookTestStack;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.billing.stripe.IdempotencyKeys;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.events.consume.ConsumedEventStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Stripe delivers at least once and in no particular order. Whatever the order of the webhooks, the billing account
 * ends as Stripe has the subscription now (the consumer reads it afresh), and an event delivered twice is processed
 * once.
 */
@MicronautTest
@Tag("integration")
class StripeEventDeliveryTest extends WebhookTestStack {

    @Test
    void anUpdateDeliveredBeforeTheCreationLeavesTheAccountAsStripeHasItNow() throws StripeException {
        int mark = eventMark();
        Subscribed s = subscribe(newWorkspace(), "growth");
        context.getBean(StripeGateway.class).setCancelAtPeriodEnd(s.subscriptionId(), true, "Too expensive for us",
                IdempotencyKeys.of("test-cancel", s.subscriptionId()));
        List<String> events = new ArrayList<>(eventsSince(mark));
        eventOfType(events, "customer.subscription.updated");
        Collections.reverse(events);

        postSigned(events);
        consumeQueued();

        BillingAccount account = account(s.workspaceId());
        assertMatchesStripe(account, stripeObject(s.subscriptionId()));
        assertThat(account.planId()).isEqualTo("growth");
        assertThat(account.status()).isEqualTo("active");
        assertThat(account.cancelAtPeriodEnd()).isTrue();
        assertThat(account.cancelReason()).isEqualTo("Too expensive for us");
    }

    @Test
    void aDeletionDeliveredBeforeTheUpdatesEndsTheSubscriptionForGood() throws StripeException {
        int mark = eventMark();
        Subscribed s = subscribe(newWorkspace(), "agency");
        stripe.setStatus(s.subscriptionId(), "past_due");
        context.getBean(StripeGateway.class).cancelNow(s.subscriptionId(), "Closing the agency",
                IdempotencyKeys.of("test-cancel-now", s.subscriptionId()));
        List<String> events = new ArrayList<>(eventsSince(mark));
        String deleted = eventOfType(events, "customer.subscription.deleted");
        String updated = eventOfType(events, "customer.subscription.updated");
        String created = eventOfType(events, "customer.subscription.created");

        postSigned(List.of(deleted, updated, created));
        consumeQueued();

        BillingAccount account = account(s.workspaceId());
        assertMatchesStripe(account, stripeObject(s.subscriptionId()));
        assertThat(account.status()).isEqualTo("canceled");
        assertThat(account.planId()).isEqualTo(PlanCatalog.FREE);
        assertThat(account.pastDueSince()).isNull();
        assertThat(account.sendingPaused()).isFalse();
        assertThat(published(s.workspaceId(), "billing.plan.changed")).last()
                .satisfies(plan -> assertThat(plan.path("planId").asText()).isEqualTo(PlanCatalog.FREE));
    }

    @Test
    void anEventDeliveredTwiceIsProcessedOnce() {
        int mark = eventMark();
        Subscribed s = subscribe(newWorkspace(), "starter");
        String created = eventOfType(eventsSince(mark), "customer.subscription.created");
        String path = "/v1/subscriptions/" + s.subscriptionId();

        postSigned(List.of(created, created));
        List<Message> queued = receiveBatch();
        assertThat(queued).as("the FIFO queue drops a redelivery within its deduplication window").hasSize(1);
        StripeEventConsumer consumer = new StripeEventConsumer(context);
        assertThat(consumer.execute(sqsEvent(queued)).getBatchItemFailures()).isEmpty();
        BillingAccount first = account(s.workspaceId());
        long fetches = stripeCalls("GET", path);
        int statusEvents = published(s.workspaceId(), "billing.subscription.status_changed").size();

        // Stripe redelivers after the queue's window (or Lambda retries a processed batch): same event, new message.
        assertThat(consumer.execute(sqsEvent(List.of(queued.get(0), queued.get(0)))).getBatchItemFailures()).isEmpty();

        assertThat(first.status()).isEqualTo("active");
        assertThat(fetches).isEqualTo(1);
        assertThat(stripeCalls("GET", path)).as("Stripe not asked again").isEqualTo(fetches);
        assertThat(account(s.workspaceId())).isEqualTo(first);
        assertThat(published(s.workspaceId(), "billing.subscription.status_changed")).hasSize(statusEvents);
        assertThat(context.getBean(ConsumedEventStore.class).status(StripeEventHandler.CONSUMER, tree(created).path("id").asText()))
                .contains(ConsumedEventStore.DONE);
        takeQueued();
    }

    /** The account says what the Stripe subscription says: status, period, cancellation. */
    private static void assertMatchesStripe(BillingAccount account, JsonNode subscription) {
        JsonNode item = subscription.path("items").path("data").get(0);
        assertThat(account.subscriptionId()).isEqualTo(subscription.path("id").asText());
        assertThat(account.customerId()).isEqualTo(subscription.path("customer").asText());
        assertThat(account.status()).isEqualTo(subscription.path("status").asText());
        assertThat(account.cancelAtPeriodEnd()).isEqualTo(subscription.path("cancel_at_period_end").asBoolean());
        assertThat(account.periodStart()).isEqualTo(Instant.ofEpochSecond(item.path("current_period_start").asLong()));
        assertThat(account.periodEnd()).isEqualTo(Instant.ofEpochSecond(item.path("current_period_end").asLong()));
    }
}

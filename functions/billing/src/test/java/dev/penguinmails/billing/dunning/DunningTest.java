package dev.penguinmails.billing.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.billing.WebhookTestStack;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.outbox.EventRelayJob;
import dev.penguinmails.billing.subscriptions.AccountChanges;
import dev.penguinmails.events.outbox.Outbox;
import dev.penguinmails.events.outbox.OutboxEntry;
import dev.penguinmails.events.publish.EncodedEvent;
import dev.penguinmails.testsupport.FlakyEventBridge;
import dev.penguinmails.testsupport.MutableClock;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The failed-payment path, driven only by Stripe's events as the stand-in delivers them to the webhook: a failed
 * renewal makes the account past due and reminds the owner; once the grace period (7 days) has passed the sweep
 * pauses sending; paying the invoice restores everything in one change. Every step is announced on the bus through
 * the account's outbox.
 */
@MicronautTest
@Tag("integration")
class DunningTest extends WebhookTestStack {
    private static final Duration GRACE = Duration.ofDays(7);
    private static final FlakyEventBridge BUS = FlakyEventBridge.inFrontOf(TestAws.shared().endpoints().eventBridge());

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(ConfigKeys.endpoint("eventbridge"), BUS.endpoint().toString(),
                "penguinmails.events.publish.max-attempts", "1",
                "penguinmails.outbox.relay.min-age", "0s");
    }

    @BeforeAll
    void stripeDelivers() {
        stripeDeliversWebhooks();
    }

    @AfterAll
    void stopBus() {
        BUS.close();
    }

    @Test
    void aFailedRenewalRemindsThenPausesSendingAfterTheGraceAndPaymentRestoresEverythingAtOnce() {
        Subscribed s = subscribe(newWorkspace(), "growth");
        deliverStripeEvents();
        String ws = s.workspaceId();
        assertThat(account(ws).status()).isEqualTo("active");

        stripe.setPaymentsFail(s.customerId(), true);
        String invoice = stripe.renew(s.subscriptionId());
        deliverStripeEvents();

        BillingAccount pastDue = account(ws);
        assertThat(pastDue.status()).isEqualTo("past_due");
        assertThat(pastDue.pastDueSince()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
        assertThat(pastDue.sendingPaused()).isFalse();
        assertThat(dunningSteps(ws)).containsExactly("payment_failed", "reminder");
        JsonNode reminder = step(ws, "reminder");
        assertThat(reminder.path("status").asText()).isEqualTo("past_due");
        assertThat(reminder.path("hostedInvoiceUrl").asText()).isEqualTo(stripeObject(invoice).path("hosted_invoice_url").asText());
        assertThat(reminder.path("graceEndsAt").asText()).isEqualTo(pastDue.pastDueSince().plus(GRACE).toString());
        JsonNode toPastDue = lastStatusChange(ws);
        assertThat(toPastDue.path("previousStatus").asText()).isEqualTo("active");
        assertThat(toPastDue.path("status").asText()).isEqualTo("past_due");
        assertThat(toPastDue.path("sendingPaused").asBoolean()).isFalse();

        // Within the grace period nothing is paused, neither by the hourly job nor a moment before it ends.
        assertThat(new DunningJob(context).execute(new ScheduledEvent())).doesNotContain(ws);
        assertThat(sweepAt(pastDue.pastDueSince().plus(GRACE).minusSeconds(1))).doesNotContain(ws);
        assertThat(account(ws)).isEqualTo(pastDue);

        assertThat(sweepAt(pastDue.pastDueSince().plus(GRACE).plusSeconds(1))).contains(ws);

        BillingAccount paused = account(ws);
        assertThat(paused.sendingPaused()).isTrue();
        assertThat(paused.status()).isEqualTo("past_due");
        assertThat(paused.version()).isEqualTo(pastDue.version() + 1);
        assertThat(dunningSteps(ws)).containsExactly("payment_failed", "reminder", "sending_paused");
        assertThat(step(ws, "sending_paused").path("graceEndsAt").asText())
                .isEqualTo(pastDue.pastDueSince().plus(GRACE).plusSeconds(1).toString());
        JsonNode toPaused = lastStatusChange(ws);
        assertThat(toPaused.path("status").asText()).isEqualTo("past_due");
        assertThat(toPaused.path("sendingPaused").asBoolean()).isTrue();
        assertThat(toPaused.path("version").asLong()).isEqualTo(paused.version());
        assertThat(accountItem(ws)).as("out of the dunning index, nothing owed").doesNotContainKeys("gsi1pk", "outboxIds");
        assertThat(sweepAt(pastDue.pastDueSince().plus(GRACE).plus(Duration.ofDays(1)))).as("paused once").doesNotContain(ws);
        int statusChanges = published(ws, "billing.subscription.status_changed").size();

        stripe.payInvoice(invoice);
        deliverStripeEvents();

        BillingAccount recovered = account(ws);
        assertThat(recovered.status()).isEqualTo("active");
        assertThat(recovered.sendingPaused()).isFalse();
        assertThat(recovered.pastDueSince()).isNull();
        assertThat(dunningSteps(ws)).containsExactly("payment_failed", "reminder", "sending_paused", "recovered");
        List<JsonNode> changes = published(ws, "billing.subscription.status_changed");
        assertThat(changes).as("one change restores status and sending together").hasSize(statusChanges + 1);
        JsonNode restored = changes.get(changes.size() - 1);
        assertThat(restored.path("previousStatus").asText()).isEqualTo("past_due");
        assertThat(restored.path("status").asText()).isEqualTo("active");
        assertThat(restored.path("sendingPaused").asBoolean()).isFalse();
        assertThat(accountItem(ws)).doesNotContainKeys("gsi1pk", "outboxIds");
        assertThat(sweepAt(Instant.now().plus(Duration.ofDays(30)))).doesNotContain(ws);
    }

    @Test
    void aPauseMadeWhileTheBusIsDownWaitsOnTheAccountAndTheRelayAnnouncesItOnce() {
        Subscribed s = subscribe(newWorkspace(), "agency");
        stripe.setPaymentsFail(s.customerId(), true);
        stripe.renew(s.subscriptionId());
        deliverStripeEvents();
        String ws = s.workspaceId();
        BillingAccount pastDue = account(ws);
        assertThat(pastDue.status()).isEqualTo("past_due");

        BUS.inject((call, entry) -> "InternalFailure");
        try {
            assertThat(sweepAt(pastDue.pastDueSince().plus(GRACE).plusSeconds(1))).contains(ws);

            assertThat(account(ws).sendingPaused()).as("the pause commits without the bus").isTrue();
            assertThat(dunningSteps(ws)).doesNotContain("sending_paused");
            List<OutboxEntry> owed = context.getBean(Outbox.class).pendingOn(accountItem(ws));
            assertThat(owed).hasSize(1);
            assertThat(owed.get(0).events()).extracting(EncodedEvent::detailType)
                    .containsExactlyInAnyOrder("billing.subscription.status_changed", "billing.dunning.step");
            assertThat(owed.get(0).events()).filteredOn(e -> e.detailType().equals("billing.dunning.step"))
                    .singleElement().satisfies(e -> assertThat(tree(e.detail()).path("step").asText()).isEqualTo("sending_paused"));
        } finally {
            BUS.inject((call, entry) -> null);
        }

        assertThat(new EventRelayJob(context).execute(new ScheduledEvent()).delivered()).isPositive();
        new EventRelayJob(context).execute(new ScheduledEvent());

        assertThat(dunningSteps(ws)).containsExactly("payment_failed", "reminder", "sending_paused");
        assertThat(lastStatusChange(ws).path("sendingPaused").asBoolean()).isTrue();
        Map<String, AttributeValue> item = accountItem(ws);
        assertThat(item).doesNotContainKey("outboxIds");
    }

    /** Waits until the stand-in has delivered its events to the webhook, then runs the FIFO consumer over them. */
    private void deliverStripeEvents() {
        awaitStripeDelivered();
        consumeQueued();
    }

    /** The dunning sweep as the hourly job runs it, at {@code now}. */
    private List<String> sweepAt(Instant now) {
        return new DunningSweep(dynamo, context.getBean(BillingAccounts.class), context.getBean(AccountChanges.class),
                context.getBean(DunningNotices.class), context.getBean(Outbox.class), new MutableClock(now)).sweep();
    }

    private JsonNode step(String ws, String step) {
        List<JsonNode> steps = published(ws, "billing.dunning.step").stream().filter(e -> step.equals(e.path("step").asText())).toList();
        assertThat(steps).as("one %s step", step).hasSize(1);
        return steps.get(0);
    }

    private JsonNode lastStatusChange(String ws) {
        List<JsonNode> changes = published(ws, "billing.subscription.status_changed");
        assertThat(changes).isNotEmpty();
        return changes.get(changes.size() - 1);
    }
}

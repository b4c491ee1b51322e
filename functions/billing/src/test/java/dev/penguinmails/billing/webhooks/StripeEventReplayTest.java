package dev.penguinmails.billing.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.penguinmails.billing.WebhookTestStack;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.events.consume.ConsumedEventStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hourly replay job: the events Stripe made but could not deliver are processed from Stripe's event list, and
 * the ones that did arrive (processed already) are skipped.
 */
@MicronautTest
@Tag("integration")
class StripeEventReplayTest extends WebhookTestStack {

    @Test
    void undeliveredEventsAreProcessedAndProcessedOnesSkipped() {
        int mark = eventMark();
        Subscribed s = subscribe(newWorkspace(), "growth");
        List<String> arrived = eventsSince(mark);
        postSigned(arrived);
        assertThat(consumeQueued()).isEqualTo(3);
        BillingAccount beforeOutage = account(s.workspaceId());
        assertThat(beforeOutage.status()).isEqualTo("active");

        // The webhook endpoint was down while the renewal failed: Stripe recorded these events but delivered none.
        int outage = eventMark();
        stripe.setPaymentsFail(s.customerId(), true);
        String failedInvoice = stripe.renew(s.subscriptionId());
        List<String> missed = eventsSince(outage);
        assertThat(missed).extracting(e -> tree(e).path("type").asText())
                .containsExactly("invoice.created", "invoice.payment_failed", "customer.subscription.updated");
        String checkoutSession = tree(eventOfType(arrived, "checkout.session.completed")).path("data").path("object").path("id").asText();
        String firstInvoice = tree(eventOfType(arrived, "invoice.paid")).path("data").path("object").path("id").asText();
        long sessionReads = stripeCalls("GET", "/v1/checkout/sessions/" + checkoutSession);
        long firstInvoiceReads = stripeCalls("GET", "/v1/invoices/" + firstInvoice);

        StripeEventReplayJob.Summary summary = new StripeEventReplayJob(context).execute(new ScheduledEvent());

        long handled = stripe.events().stream().filter(e -> HandledEvents.TYPES.contains(tree(e).path("type").asText())).count();
        assertThat(summary.seen()).isEqualTo(stripe.events().size());
        assertThat(summary.processed()).isEqualTo(handled);
        assertThat(summary.failed()).isZero();
        assertThat(stripeCalls("GET", "/v1/checkout/sessions/" + checkoutSession)).as("processed before: skipped").isEqualTo(sessionReads);
        assertThat(stripeCalls("GET", "/v1/invoices/" + firstInvoice)).as("processed before: skipped").isEqualTo(firstInvoiceReads);
        assertThat(stripeCalls("GET", "/v1/invoices/" + failedInvoice)).as("missed: processed").isEqualTo(1);
        BillingAccount afterReplay = account(s.workspaceId());
        assertThat(afterReplay.status()).isEqualTo("past_due");
        assertThat(afterReplay.pastDueSince()).isNotNull();
        assertThat(dunningSteps(s.workspaceId())).containsExactly("payment_failed", "reminder");
        ConsumedEventStore consumed = context.getBean(ConsumedEventStore.class);
        missed.stream().map(e -> tree(e).path("id").asText()).filter(id -> !id.equals(tree(missed.get(0)).path("id").asText()))
                .forEach(id -> assertThat(consumed.status(StripeEventHandler.CONSUMER, id)).as(id).contains(ConsumedEventStore.DONE));

        StripeEventReplayJob.Summary again = new StripeEventReplayJob(context).execute(new ScheduledEvent());

        assertThat(again.processed()).isEqualTo(handled);
        assertThat(stripeCalls("GET", "/v1/invoices/" + failedInvoice)).as("replayed once only").isEqualTo(1);
        assertThat(account(s.workspaceId())).isEqualTo(afterReplay);
        assertThat(dunningSteps(s.workspaceId())).containsExactly("payment_failed", "reminder");
    }
}

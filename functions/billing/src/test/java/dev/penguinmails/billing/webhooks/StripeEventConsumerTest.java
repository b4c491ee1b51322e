package dev.penguinmails.billing.webhooks;

import static dev.penguinmails.testsupport.SqsBatches.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.stripe.exception.StripeException;
import dev.penguinmails.billing.WebhookTestStack;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.stripe.IdempotencyKeys;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.events.consume.ConsumedEventStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The FIFO consumer of billing-stripe-events: once a message of a batch fails, it fails the rest of the batch back
 * to the queue, so that a customer's later events wait for the failed one instead of overtaking it.
 */
@MicronautTest
@Tag("integration")
class StripeEventConsumerTest extends WebhookTestStack {

    @Test
    void afterAFailureTheRestOfTheBatchIsFailedBackAndKeepsItsOrder() throws StripeException {
        int mark = eventMark();
        Subscribed s = subscribe(newWorkspace(), "growth");
        String created = eventOfType(eventsSince(mark), "customer.subscription.created");
        // A subscription Stripe does not know (deleted in a test-mode reset, say): processing it fails.
        String broken = signedEvent("evt_broken_" + s.customerId(), "customer.subscription.updated",
                "{\"id\":\"sub_missing\",\"object\":\"subscription\",\"customer\":\"" + s.customerId() + "\"}");
        int cancelMark = eventMark();
        context.getBean(StripeGateway.class).setCancelAtPeriodEnd(s.subscriptionId(), true, null,
                IdempotencyKeys.of("test-cancel", s.subscriptionId()));
        String updated = eventOfType(eventsSince(cancelMark), "customer.subscription.updated");
        postSigned(List.of(created, broken, updated));
        List<Message> batch = receiveBatch();
        assertThat(ids(batch)).containsExactly(id(created), id(broken), id(updated));

        SQSBatchResponse response = new StripeEventConsumer(context).execute(sqsEvent(batch));

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.get(1).messageId(), batch.get(2).messageId());
        ConsumedEventStore consumed = context.getBean(ConsumedEventStore.class);
        assertThat(consumed.status(StripeEventHandler.CONSUMER, id(created))).contains(ConsumedEventStore.DONE);
        assertThat(consumed.status(StripeEventHandler.CONSUMER, id(broken))).as("claim released for the retry").isEmpty();
        assertThat(consumed.status(StripeEventHandler.CONSUMER, id(updated))).as("never started").isEmpty();
        assertThat(stripeCalls("GET", "/v1/subscriptions/sub_missing")).isEqualTo(1);
        assertThat(account(s.workspaceId()).status()).isEqualTo("active");

        // As Lambda does: the processed message is deleted, the failed ones come back, still in their order.
        sqs.deleteMessage(r -> r.queueUrl(queueUrl()).receiptHandle(batch.get(0).receiptHandle()));
        for (Message failed : batch.subList(1, 3)) {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl()).receiptHandle(failed.receiptHandle()).visibilityTimeout(0));
        }
        List<Message> retry = receiveBatch();
        assertThat(ids(retry)).containsExactly(id(broken), id(updated));
        assertThat(new StripeEventConsumer(context).execute(sqsEvent(retry)).getBatchItemFailures())
                .extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(retry.get(0).messageId(), retry.get(1).messageId());

        // Once the broken one has gone to the dead-letter queue, the customer's next event goes through.
        sqs.deleteMessage(r -> r.queueUrl(queueUrl()).receiptHandle(retry.get(0).receiptHandle()));
        assertThat(new StripeEventConsumer(context).execute(sqsEvent(retry.subList(1, 2))).getBatchItemFailures()).isEmpty();
        assertThat(consumed.status(StripeEventHandler.CONSUMER, id(updated))).contains(ConsumedEventStore.DONE);
        assertThat(account(s.workspaceId()).cancelAtPeriodEnd()).isTrue();
        takeQueued();
    }

    @Test
    void aMessageThatIsNoNoticeFailsAndHoldsBackTheRest() {
        int mark = eventMark();
        Subscribed s = subscribe(newWorkspace(), "starter");
        postSigned(List.of(eventOfType(eventsSince(mark), "customer.subscription.created")));
        List<Message> queued = receiveBatch();
        Message garbage = queued.get(0).toBuilder().messageId("garbage-1").body("{\"not\": \"a notice\"").build();
        List<Message> batch = new ArrayList<>(List.of(garbage));
        batch.addAll(queued);

        SQSBatchResponse response = new StripeEventConsumer(context).execute(sqsEvent(batch));

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("garbage-1", queued.get(0).messageId());
        assertThat(context.getBean(BillingAccounts.class).find(s.workspaceId()).orElseThrow()
                .subscriptionId()).as("the held-back event did not run").isNull();
        takeQueued();
    }

    /** A Stripe event as Stripe would post it: {@code object} is its data.object. */
    private static String signedEvent(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"livemode\":false,\"type\":\"" + type
                + "\",\"data\":{\"object\":" + object + "}}";
    }

    private static String id(String event) {
        return tree(event).path("id").asText();
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(m -> tree(m.body()).path("id").asText()).toList();
    }
}

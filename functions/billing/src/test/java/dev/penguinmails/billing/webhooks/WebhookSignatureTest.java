package dev.penguinmails.billing.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.billing.WebhookTestStack;
import dev.penguinmails.emulators.stripe.StripeStandIn;
import dev.penguinmails.testsupport.TestHttp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * {@code POST /v1/billing/stripe/webhook}: an event signed by Stripe with the endpoint's secret, recently, is queued
 * under its customer; anything else is refused as 400 invalid-signature (problem+json) and nothing is queued.
 */
@MicronautTest
@Tag("integration")
class WebhookSignatureTest extends WebhookTestStack {
    private Subscribed subscribed;
    private String created;
    private String paid;

    @BeforeAll
    void subscribeOnce() {
        int mark = eventMark();
        subscribed = subscribe(newWorkspace(), "growth");
        created = eventOfType(eventsSince(mark), "customer.subscription.created");
        // A second event, since the FIFO queue drops a second copy of one event id for five minutes.
        paid = eventOfType(eventsSince(mark), "invoice.paid");
    }

    @Test
    void aValidSignatureQueuesTheEventInItsCustomersGroupUnderItsOwnId() {
        TestHttp.Reply reply = post(created, "Stripe-Signature", signature(created));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("received").asBoolean()).isTrue();
        assertThat(reply.json().path("queued").asBoolean()).isTrue();
        List<Message> queued = takeQueued();
        assertThat(queued).hasSize(1);
        Message message = queued.get(0);
        assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo(subscribed.customerId());
        assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo(tree(created).path("id").asText());
        assertThat(tree(message.body()).path("type").asText()).isEqualTo("customer.subscription.created");
        assertThat(tree(message.body()).path("objectId").asText()).isEqualTo(subscribed.subscriptionId());
    }

    @Test
    void aSignatureWithinTheToleranceIsAccepted() {
        long fourMinutesAgo = Instant.now().getEpochSecond() - 240;

        TestHttp.Reply reply = post(paid, "Stripe-Signature", StripeStandIn.signatureHeader(paid, webhookSecret, fourMinutesAgo));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(takeQueued()).extracting(m -> tree(m.body()).path("id").asText()).containsExactly(tree(paid).path("id").asText());
    }

    @Test
    void aTamperedBodyIsRefused() {
        String signature = signature(created);
        String tampered = created.replace("\"status\":\"active\"", "\"status\":\"canceled\"");
        assertThat(tampered).isNotEqualTo(created);

        assertRefused(post(tampered, "Stripe-Signature", signature), "does not match");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String signature = StripeStandIn.signatureHeader(created, "whsec_someone_else", Instant.now().getEpochSecond());

        assertRefused(post(created, "Stripe-Signature", signature), "does not match");
    }

    @Test
    void aSignatureOlderThanTheToleranceIsRefused() {
        long sixMinutesAgo = Instant.now().getEpochSecond() - 360;

        assertRefused(post(created, "Stripe-Signature", StripeStandIn.signatureHeader(created, webhookSecret, sixMinutesAgo)),
                "too old");
    }

    @Test
    void aMissingSignatureIsRefused() {
        assertRefused(post(created), "missing");
        assertRefused(post(created, "Stripe-Signature", ""), "missing");
    }

    @Test
    void aSignedEventBillingDoesNotActOnIsAcknowledgedButNotQueued() {
        String other = created.replace("\"type\":\"customer.subscription.created\"", "\"type\":\"customer.updated\"");

        TestHttp.Reply reply = post(other, "Stripe-Signature", signature(other));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("queued").asBoolean()).isFalse();
        assertThat(takeQueued()).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNoStripeEventIsABadRequest() {
        String notAnEvent = "{\"hello\":\"world\"}";

        TestHttp.Reply reply = post(notAnEvent, "Stripe-Signature", signature(notAnEvent));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.problem()).isEqualTo("bad-request");
        assertThat(takeQueued()).isEmpty();
    }

    private void assertRefused(TestHttp.Reply reply, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.problem()).isEqualTo("invalid-signature");
        assertThat(reply.json().path("status").asInt()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).contains(detail);
        assertThat(takeQueued()).as("nothing queued for a refused webhook").isEmpty();
    }
}

package dev.penguinmails.billing.checkout;

import dev.penguinmails.billing.BillingApiTest;
import static dev.penguinmails.billing.BillingApiTestStack.owner;
import static dev.penguinmails.billing.BillingApiTestStack.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.billing.BillingApiTestStack;
import dev.penguinmails.billing.BillingApiTestStack.Caller;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.emulators.stripe.StripeStandIn.RecordedRequest;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A retried checkout creates nothing twice in Stripe: neither when the client repeats its Idempotency-Key, nor
 * when billing lost what it had recorded and repeats its Stripe calls with the same idempotency keys.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class CheckoutRetryTest extends BillingApiTest {

    @Test
    void aRequestRetriedWithItsIdempotencyKeyIsAnsweredFromTheFirst() {
        String ws = workspace();
        Caller owner = owner(ws);
        String body = BillingApiTestStack.checkoutBody("growth", "monthly");
        List<String> writesBefore = billing.stripeWrites();

        Reply first = billing.post(owner, ws, "/checkout-sessions", body, "Idempotency-Key", "req-checkout-1");
        Reply retry = billing.post(owner, ws, "/checkout-sessions", body, "Idempotency-Key", "req-checkout-1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(retry.text("sessionId")).isEqualTo(first.text("sessionId"));
        assertThat(retry.json().get("reused").asBoolean()).isFalse();
        assertThat(newWrites(writesBefore)).containsExactly("POST /v1/customers", "POST /v1/checkout/sessions");
    }

    @Test
    void whenBillingLostWhatItRecordedTheRetryGetsTheSameCustomerAndPageFromStripe() {
        String ws = workspace();
        Caller owner = owner(ws);
        Reply first = billing.checkout(owner, ws, "growth", "monthly");
        String customerId = billing.bean(BillingAccounts.class).find(ws).orElseThrow().customerId();
        // As if the first request had died after Stripe answered and before billing's writes.
        billing.dynamo().deleteItem(r -> r.tableName(billing.table()).key(BillingAccounts.key(ws)));
        List<String> writesBefore = billing.stripeWrites();
        int requestsBefore = billing.stripe().requests().size();

        Reply retry = billing.checkout(owner, ws, "growth", "monthly");

        assertThat(retry.text("sessionId")).isEqualTo(first.text("sessionId"));
        assertThat(billing.bean(BillingAccounts.class).find(ws).orElseThrow().customerId()).isEqualTo(customerId);
        assertThat(newWrites(writesBefore)).isEmpty();
        List<RecordedRequest> replayed = billing.stripe().requests().subList(requestsBefore, billing.stripe().requests().size())
                .stream().filter(RecordedRequest::replayed).toList();
        assertThat(replayed).extracting(RecordedRequest::path).containsExactly("/v1/customers", "/v1/checkout/sessions");
        assertThat(replayed).extracting(RecordedRequest::idempotencyKey)
                .containsExactly("penguinmails-customer:" + ws, "penguinmails-checkout:" + ws + ":first:"
                        + billing.stripeObject(first.text("sessionId")).get("metadata").get("price_id").asText());
    }

    private List<String> newWrites(List<String> before) {
        List<String> after = billing.stripeWrites();
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        return after.subList(before.size(), after.size());
    }
}

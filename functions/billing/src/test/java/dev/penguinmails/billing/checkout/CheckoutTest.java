package dev.penguinmails.billing.checkout;

import dev.penguinmails.billing.BillingApiTest;
import static dev.penguinmails.billing.BillingApiTestStack.assertProblem;
import static dev.penguinmails.billing.BillingApiTestStack.owner;
import static dev.penguinmails.billing.BillingApiTestStack.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.billing.BillingApiTestStack;
import dev.penguinmails.billing.BillingApiTestStack.Caller;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Starting a subscription through Checkout against the Stripe stand-in: one customer per workspace, one open
 * Checkout page however often the person clicks, no second subscription when the webhook never comes, and the
 * success-redirect sync that makes the account current at once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class CheckoutTest extends BillingApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachWorkspaceGetsOneStripeCustomerTaggedWithItsId() {
        String first = workspace();
        String second = workspace();
        int customersBefore = created("/v1/customers");

        billing.checkout(owner(first), first, "growth", "monthly");
        billing.checkout(owner(first), first, "starter", "yearly");
        billing.checkout(owner(second), second, "growth", "monthly");

        assertThat(created("/v1/customers") - customersBefore).isEqualTo(2);
        for (String ws : List.of(first, second)) {
            String customerId = billing.bean(BillingAccounts.class).find(ws).orElseThrow().customerId();
            JsonNode customer = billing.stripeObject(customerId);
            assertThat(customer.path("metadata").path("workspace_id").asText()).isEqualTo(ws);
        }
        assertThat(billing.bean(BillingAccounts.class).find(first).orElseThrow().customerId())
                .isNotEqualTo(billing.bean(BillingAccounts.class).find(second).orElseThrow().customerId());
    }

    @Test
    void aDoubleClickGetsTheSameOpenCheckoutPage() {
        String ws = workspace();
        Caller owner = owner(ws);
        int sessionsBefore = created("/v1/checkout/sessions");

        Reply first = billing.checkout(owner, ws, "growth", "monthly");
        Reply second = billing.checkout(owner, ws, "growth", "monthly");

        assertThat(second.text("sessionId")).isEqualTo(first.text("sessionId"));
        assertThat(second.text("url")).isEqualTo(first.text("url"));
        assertThat(first.json().get("reused").asBoolean()).isFalse();
        assertThat(second.json().get("reused").asBoolean()).isTrue();
        assertThat(created("/v1/checkout/sessions") - sessionsBefore).isEqualTo(1);
        JsonNode session = billing.stripeObject(first.text("sessionId"));
        assertThat(session.get("status").asText()).isEqualTo("open");
        assertThat(session.path("metadata").path("workspace_id").asText()).isEqualTo(ws);
    }

    @Test
    void choosingAnotherPlanExpiresTheOpenPageAndOpensANewOne() {
        String ws = workspace();
        Caller owner = owner(ws);

        String growth = billing.checkout(owner, ws, "growth", "monthly").text("sessionId");
        Reply starter = billing.checkout(owner, ws, "starter", "monthly");

        assertThat(starter.text("sessionId")).isNotEqualTo(growth);
        assertThat(billing.stripeObject(growth).get("status").asText()).isEqualTo("expired");
        assertThat(billing.stripeObject(starter.text("sessionId")).get("status").asText()).isEqualTo("open");
    }

    @Test
    void aWorkspaceWithALiveSubscriptionIsRefusedANewCheckout() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "growth", "monthly");
        Object before = billing.state();

        Reply again = billing.post(owner, ws, "/checkout-sessions", BillingApiTestStack.checkoutBody("agency", "monthly"));

        assertProblem(again, 409, "already-subscribed");
        assertThat(billing.state()).isEqualTo(before);
    }

    @Test
    void theSuccessRedirectSyncMakesTheAccountCurrentAtOnce() {
        String ws = workspace();
        Caller owner = owner(ws);
        String sessionId = billing.checkout(owner, ws, "growth", "yearly").text("sessionId");
        String subscriptionId = billing.stripe().completeCheckout(sessionId);
        // No webhook is delivered in these tests: without the sync the workspace would still be on free.
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("free");

        Reply synced = billing.post(owner, ws, "/checkout-sessions/" + sessionId + "/sync", null);

        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.text("planId")).isEqualTo("growth");
        assertThat(synced.text("interval")).isEqualTo("yearly");
        assertThat(synced.text("status")).isEqualTo("trialing");
        assertThat(synced.json().get("hasPaymentAccount").asBoolean()).isTrue();
        assertThat(synced.json().get("limits").get("mailboxes").asInt()).isEqualTo(15);
        JsonNode stored = billing.billing(ws);
        assertThat(stored.get("planId").asText()).isEqualTo("growth");
        assertThat(stored.get("status").asText()).isEqualTo("trialing");
        assertThat(billing.bean(BillingAccounts.class).find(ws).orElseThrow().subscriptionId()).isEqualTo(subscriptionId);
    }

    @Test
    void syncingAPageNotYetPaidLeavesTheWorkspaceOnFree() {
        String ws = workspace();
        Caller owner = owner(ws);
        String sessionId = billing.checkout(owner, ws, "starter", "monthly").text("sessionId");

        Reply synced = billing.post(owner, ws, "/checkout-sessions/" + sessionId + "/sync", null);

        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.text("planId")).isEqualTo("free");
        assertThat(synced.text("status")).isEqualTo("none");
    }

    @Test
    void whenTheWebhookNeverArrivesTryingAgainMakesNoSecondSubscription() {
        String ws = workspace();
        Caller owner = owner(ws);
        String sessionId = billing.checkout(owner, ws, "growth", "monthly").text("sessionId");
        String customerId = billing.bean(BillingAccounts.class).find(ws).orElseThrow().customerId();
        String subscriptionId = billing.stripe().completeCheckout(sessionId);
        // The redirect is lost and no webhook comes: billing still thinks the workspace is on free.
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("free");
        int sessionsBefore = created("/v1/checkout/sessions");

        Reply retry = billing.post(owner, ws, "/checkout-sessions", BillingApiTestStack.checkoutBody("growth", "monthly"));

        assertProblem(retry, 409, "already-subscribed");
        assertThat(created("/v1/checkout/sessions")).isEqualTo(sessionsBefore);
        assertThat(subscriptionsCreatedFor(customerId)).containsExactly(subscriptionId);
        JsonNode current = billing.billing(ws);
        assertThat(current.get("planId").asText()).isEqualTo("growth");
        assertThat(current.get("status").asText()).isEqualTo("trialing");
    }

    @Test
    void aSubscriptionStripeHasButWeDoNotRefusesCheckoutAndIsRecorded() {
        String ws = workspace();
        Caller owner = owner(ws);
        String sessionId = billing.checkout(owner, ws, "agency", "monthly").text("sessionId");
        String subscriptionId = billing.stripe().completeCheckout(sessionId);
        // As if the pending page had been lost too: only Stripe's list of subscriptions tells.
        billing.bean(BillingAccounts.class).recordPendingCheckout(ws, null);

        Reply retry = billing.post(owner, ws, "/checkout-sessions", BillingApiTestStack.checkoutBody("agency", "monthly"));

        assertProblem(retry, 409, "already-subscribed");
        JsonNode current = billing.billing(ws);
        assertThat(current.get("planId").asText()).isEqualTo("agency");
        assertThat(current.get("status").asText()).isEqualTo("active");
        assertThat(billing.bean(BillingAccounts.class).find(ws).orElseThrow().subscriptionId()).isEqualTo(subscriptionId);
    }

    /** Calls that created something at {@code path} in the stand-in (replays create nothing). */
    private int created(String path) {
        return (int) billing.stripeWrites().stream().filter(("POST " + path)::equals).count();
    }

    private List<String> subscriptionsCreatedFor(String customerId) {
        return billing.stripe().events().stream().map(CheckoutTest::parse)
                .filter(e -> "customer.subscription.created".equals(e.get("type").asText()))
                .map(e -> e.get("data").get("object"))
                .filter(s -> customerId.equals(s.get("customer").asText()))
                .map(s -> s.get("id").asText())
                .toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.BillingApiTest;
import static dev.penguinmails.billing.BillingApiTestStack.assertProblem;
import static dev.penguinmails.billing.BillingApiTestStack.owner;
import static dev.penguinmails.billing.BillingApiTestStack.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.billing.BillingApiTestStack.Caller;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cancelling at the end of the period or now, with the customer's reason kept in Stripe, and taking a scheduled
 * cancellation back before the period ends.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class CancellationTest extends BillingApiTest {

    @Test
    void cancellingAtPeriodEndKeepsThePlanUntilThenAndCanBeTakenBack() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "agency", "monthly");
        String subscriptionId = subscriptionOf(ws);

        Reply canceled = billing.post(owner, ws, "/cancel", "{\"atPeriodEnd\":true,\"reason\":\"Too expensive for now\"}");

        assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
        assertThat(canceled.json().get("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(canceled.text("cancelReason")).isEqualTo("Too expensive for now");
        assertThat(canceled.text("planId")).isEqualTo("agency");
        assertThat(canceled.text("status")).isEqualTo("active");
        JsonNode scheduled = billing.stripeObject(subscriptionId);
        assertThat(scheduled.get("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(scheduled.get("cancel_at").asLong())
                .isEqualTo(java.time.Instant.parse(canceled.text("periodEnd")).getEpochSecond());
        assertThat(scheduled.get("cancellation_details").get("comment").asText()).isEqualTo("Too expensive for now");
        assertThat(billing.billing(ws).get("cancelAtPeriodEnd").asBoolean()).isTrue();

        Reply reactivated = billing.post(owner, ws, "/reactivate", null);

        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
        assertThat(reactivated.json().get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(reactivated.text("planId")).isEqualTo("agency");
        JsonNode kept = billing.stripeObject(subscriptionId);
        assertThat(kept.get("cancel_at_period_end").asBoolean()).isFalse();
        assertThat(kept.get("cancel_at").isNull()).isTrue();
        assertThat(kept.get("status").asText()).isEqualTo("active");
        assertThat(billing.billing(ws).get("cancelAtPeriodEnd").asBoolean()).isFalse();
    }

    @Test
    void anEmptyRequestCancelsAtPeriodEnd() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "starter", "monthly");

        Reply canceled = billing.post(owner, ws, "/cancel", "{}");

        assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
        assertThat(canceled.json().get("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(canceled.text("planId")).isEqualTo("starter");
        assertThat(billing.stripeObject(subscriptionOf(ws)).get("status").asText()).isEqualTo("trialing");
    }

    @Test
    void cancellingNowEndsTheSubscriptionAndReturnsTheWorkspaceToFree() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "growth", "yearly");
        String subscriptionId = subscriptionOf(ws);

        Reply canceled = billing.post(owner, ws, "/cancel", "{\"atPeriodEnd\":false,\"reason\":\"Closing the agency\"}");

        assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
        assertThat(canceled.text("status")).isEqualTo("canceled");
        assertThat(canceled.text("planId")).isEqualTo("free");
        assertThat(canceled.text("cancelReason")).isEqualTo("Closing the agency");
        assertThat(canceled.json().get("limits").get("mailboxes").asInt()).isEqualTo(1);
        JsonNode ended = billing.stripeObject(subscriptionId);
        assertThat(ended.get("status").asText()).isEqualTo("canceled");
        assertThat(ended.get("cancellation_details").get("comment").asText()).isEqualTo("Closing the agency");
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("free");

        // Ended is ended: nothing to take back, and a new Checkout is allowed.
        assertProblem(billing.post(owner, ws, "/reactivate", null), 409, "no-subscription");
        assertProblem(billing.post(owner, ws, "/cancel", "{}"), 409, "no-subscription");
        billing.checkout(owner, ws, "starter", "monthly");
    }

    @Test
    void reactivatingASubscriptionThatIsNotEndingIsAConflict() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "starter", "yearly");
        Object before = billing.state();

        assertProblem(billing.post(owner, ws, "/reactivate", null), 409, "conflict");

        assertThat(billing.state()).isEqualTo(before);
    }

    @Test
    void aWorkspaceWithoutASubscriptionHasNothingToCancel() {
        String ws = workspace();
        Object before = billing.state();

        assertProblem(billing.post(owner(ws), ws, "/cancel", "{\"atPeriodEnd\":false}"), 409, "no-subscription");
        assertProblem(billing.post(owner(ws), ws, "/reactivate", null), 409, "no-subscription");

        assertThat(billing.state()).isEqualTo(before);
    }

    private String subscriptionOf(String ws) {
        return billing.bean(BillingAccounts.class).find(ws).orElseThrow().subscriptionId();
    }
}

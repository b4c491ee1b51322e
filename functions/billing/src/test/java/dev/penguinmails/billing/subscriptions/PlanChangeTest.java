package dev.penguinmails.billing.subscriptions;

import dev.penguinmails.billing.BillingApiTest;
import static dev.penguinmails.billing.BillingApiTestStack.assertProblem;
import static dev.penguinmails.billing.BillingApiTestStack.owner;
import static dev.penguinmails.billing.BillingApiTestStack.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.billing.BillingApiTestStack;
import dev.penguinmails.billing.BillingApiTestStack.Caller;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.catalog.Metric;
import dev.penguinmails.billing.quotas.QuotaService;
import dev.penguinmails.billing.usage.UsageCounters;
import dev.penguinmails.billing.usage.UsagePeriods;
import dev.penguinmails.emulators.stripe.StripeStandIn;
import dev.penguinmails.testsupport.MutableClock;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plan changes against the Stripe stand-in: the previewed amount is the amount charged, an upgrade applies only
 * once paid, and a downgrade below the workspace's usage is refused with what to remove first.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class PlanChangeTest extends BillingApiTest {
    /** Stripe's clock only: moved on between preview and change, so that a change prorated "now" would cost less. */
    private static final MutableClock STRIPE_CLOCK = new MutableClock(Instant.now());

    PlanChangeTest() {
        super(BillingApiTestStack.start(STRIPE_CLOCK));
    }

    @Test
    void theChargeOfAnUpgradeIsExactlyThePreviewedAmount() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "starter", "monthly");

        Reply preview = preview(owner, ws, "growth", "monthly");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.text("kind")).isEqualTo("upgrade");
        long previewed = preview.json().get("amountDue").asLong();
        long prorationDate = preview.json().get("prorationDate").asLong();
        assertThat(previewed).isPositive();
        Reply changed;
        STRIPE_CLOCK.advance(Duration.ofDays(5));
        try {
            // Five days on in Stripe: only the preview's proration date still gives the previewed amount.
            changed = change(owner, ws, "growth", "monthly", prorationDate);
        } finally {
            STRIPE_CLOCK.advance(Duration.ofDays(-5));
        }

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("paymentPending").asBoolean()).isFalse();
        assertThat(changed.json().get("billing").get("planId").asText()).isEqualTo("growth");
        JsonNode invoice = billing.stripeObject(changed.text("invoiceId"));
        assertThat(invoice.get("status").asText()).isEqualTo("paid");
        assertThat(invoice.get("amount_paid").asLong()).isEqualTo(previewed);
        assertThat(lineAmounts(invoice.get("lines").get("data")))
                .isEqualTo(lineAmounts(preview.json().get("lines")));
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("growth");
    }

    @Test
    void aChangeRetriedAfterBillingLostItsRecordChargesOnce() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "starter", "monthly");
        Map<String, AttributeValue> recorded = billing.dynamo()
                .getItem(r -> r.tableName(billing.table()).key(BillingAccounts.key(ws)).consistentRead(true)).item();
        String customerId = recorded.get("customerId").s();
        long prorationDate = preview(owner, ws, "growth", "monthly").json().get("prorationDate").asLong();
        Reply first = change(owner, ws, "growth", "monthly", prorationDate);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // As if billing had died after Stripe made the change and before recording it.
        billing.dynamo().putItem(r -> r.tableName(billing.table()).item(recorded));
        List<String> writesBefore = billing.stripeWrites();

        Reply retry = change(owner, ws, "growth", "monthly", prorationDate);

        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.text("invoiceId")).isEqualTo(first.text("invoiceId"));
        assertThat(billing.stripeWrites()).isEqualTo(writesBefore);
        List<StripeStandIn.RecordedRequest> updates = billing.stripeRequests("POST", "/v1/subscriptions/" + recorded.get("subscriptionId").s());
        assertThat(updates).extracting(StripeStandIn.RecordedRequest::replayed).containsExactly(false, true);
        long upgradeInvoices = billing.stripe().events().stream()
                .filter(e -> e.contains("\"invoice.paid\"") && e.contains(customerId) && e.contains("subscription_update"))
                .count();
        assertThat(upgradeInvoices).isEqualTo(1);
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("growth");
    }

    @Test
    void anUpgradeThatIsNotPaidStaysPendingUntilTheInvoiceIsPaid() {
        String ws = workspace();
        Caller owner = owner(ws);
        String sessionId = billing.subscribe(owner, ws, "starter", "monthly");
        BillingAccount account = billing.bean(BillingAccounts.class).find(ws).orElseThrow();
        billing.stripe().setPaymentsFail(account.customerId(), true);

        long prorationDate = preview(owner, ws, "growth", "monthly").json().get("prorationDate").asLong();
        Reply changed = change(owner, ws, "growth", "monthly", prorationDate);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("paymentPending").asBoolean()).isTrue();
        assertThat(changed.text("hostedInvoiceUrl")).isNotBlank();
        assertThat(changed.json().get("billing").get("planId").asText()).isEqualTo("starter");
        JsonNode subscription = billing.stripeObject(account.subscriptionId());
        assertThat(subscription.get("pending_update").isNull()).isFalse();
        assertThat(planLookupKey(subscription)).isEqualTo("penguinmails_starter_monthly");
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("starter");

        // The customer pays the invoice (hosted page); Stripe then applies the pending change.
        billing.stripe().payInvoice(changed.text("invoiceId"));
        assertThat(planLookupKey(billing.stripeObject(account.subscriptionId()))).isEqualTo("penguinmails_growth_monthly");
        Reply synced = billing.post(owner, ws, "/checkout-sessions/" + sessionId + "/sync", null);
        assertThat(synced.text("planId")).isEqualTo("growth");
    }

    @Test
    void aDowngradeBelowCurrentUsageIsRefusedWithWhatToRemoveFirst() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "growth", "monthly");
        // Five mailboxes counted as the usage consumer counts them; Starter allows 3 mailboxes and 5000 contacts.
        for (int i = 0; i < 5; i++) {
            billing.bean(QuotaService.class).recordMailbox(ws, "mbx_" + i, 1, true);
        }
        billing.bean(UsageCounters.class).add(ws, Metric.CONTACTS, UsagePeriods.TOTAL, 5200);
        Object before = billing.state();

        Reply preview = preview(owner, ws, "starter", "monthly");
        Reply change = change(owner, ws, "starter", "monthly", Instant.now().getEpochSecond());

        for (Reply refused : List.of(preview, change)) {
            assertProblem(refused, 409, "usage-above-plan");
            Map<String, String> errors = errors(refused);
            assertThat(errors).containsOnlyKeys("mailboxes", "contacts");
            assertThat(errors.get("mailboxes")).contains("uses 5").contains("remove 2");
            assertThat(errors.get("contacts")).contains("uses 5200").contains("remove 200");
        }
        assertThat(billing.state()).isEqualTo(before);
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("growth");
    }

    @Test
    void aDowngradeWithinTheSmallerPlanAppliesAtOnce() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "growth", "monthly");
        for (int i = 0; i < 3; i++) {
            billing.bean(QuotaService.class).recordMailbox(ws, "mbx_" + i, 1, true);
        }

        Reply preview = preview(owner, ws, "starter", "monthly");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.text("kind")).isEqualTo("downgrade");
        assertThat(preview.json().get("amountDue").asLong()).isZero();
        Reply changed = change(owner, ws, "starter", "monthly", preview.json().get("prorationDate").asLong());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("paymentPending").asBoolean()).isFalse();
        assertThat(changed.json().path("invoiceId").isMissingNode()).as(changed.body()).isTrue();
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("starter");
        assertThat(billing.billing(ws).get("limits").get("mailboxes").asInt()).isEqualTo(3);
        String subscriptionId = billing.bean(BillingAccounts.class).find(ws).orElseThrow().subscriptionId();
        assertThat(planLookupKey(billing.stripeObject(subscriptionId))).isEqualTo("penguinmails_starter_monthly");
    }

    @Test
    void changesThatCannotBeMadeAreProblemsAndChangeNothing() {
        String ws = workspace();
        Caller owner = owner(ws);
        String free = workspace();
        billing.subscribe(owner, ws, "starter", "monthly");
        Object before = billing.state();

        assertProblem(preview(owner(free), free, "growth", "monthly"), 409, "no-subscription");
        assertProblem(preview(owner, ws, "starter", "monthly"), 409, "conflict");
        assertProblem(change(owner, ws, "growth", "monthly", Instant.now().minus(Duration.ofHours(1)).getEpochSecond()),
                409, "preview-expired");
        Reply withoutDate = billing.post(owner, ws, "/plan-change", "{\"planId\":\"growth\",\"interval\":\"monthly\"}");
        assertProblem(withoutDate, 400, "validation-failed");
        assertThat(errors(withoutDate)).containsKey("prorationDate");

        assertThat(billing.state()).isEqualTo(before);
    }

    private Reply preview(Caller caller, String ws, String planId, String interval) {
        return billing.post(caller, ws, "/plan-change/preview", BillingApiTestStack.checkoutBody(planId, interval));
    }

    private Reply change(Caller caller, String ws, String planId, String interval, long prorationDate) {
        return billing.post(caller, ws, "/plan-change",
                "{\"planId\":\"" + planId + "\",\"interval\":\"" + interval + "\",\"prorationDate\":" + prorationDate + "}");
    }

    private static String planLookupKey(JsonNode subscription) {
        return subscription.get("items").get("data").get(0).get("price").get("lookup_key").asText();
    }

    private static List<Long> lineAmounts(JsonNode lines) {
        List<Long> amounts = new ArrayList<>();
        lines.forEach(l -> amounts.add(l.get("amount").asLong()));
        return amounts;
    }

    private static Map<String, String> errors(Reply reply) {
        Map<String, String> errors = new LinkedHashMap<>();
        reply.json().path("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        return errors;
    }
}

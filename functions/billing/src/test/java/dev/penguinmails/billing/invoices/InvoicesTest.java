package dev.penguinmails.billing.invoices;

import dev.penguinmails.billing.BillingApiTest;
import static dev.penguinmails.billing.BillingApiTestStack.assertProblem;
import static dev.penguinmails.billing.BillingApiTestStack.caller;
import static dev.penguinmails.billing.BillingApiTestStack.owner;
import static dev.penguinmails.billing.BillingApiTestStack.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.billing.BillingApiTestStack.Caller;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The workspace's invoices as Stripe has them: newest first, with amounts, period and links, and only its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class InvoicesTest extends BillingApiTest {

    @Test
    void aWorkspaceThatNeverSubscribedHasNoInvoices() {
        String ws = workspace();

        Reply listed = billing.get(owner(ws), ws, "/invoices");

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("items")).isEmpty();
    }

    @Test
    void theInvoicesOfTheWorkspaceAreListedNewestFirstWithAmountsAndLinks() {
        String ws = workspace();
        Caller owner = owner(ws);
        billing.subscribe(owner, ws, "agency", "monthly");
        String other = workspace();
        billing.subscribe(owner(other), other, "agency", "monthly");
        String subscriptionId = billing.bean(BillingAccounts.class).find(ws).orElseThrow().subscriptionId();
        String first = billing.stripeObject(subscriptionId).get("latest_invoice").asText();
        String renewal = billing.stripe().renew(subscriptionId);

        Reply listed = billing.get(owner, ws, "/invoices");

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode items = listed.json().get("items");
        assertThat(ids(items)).containsExactly(renewal, first);
        JsonNode newest = items.get(0);
        assertThat(newest.get("status").asText()).isEqualTo("paid");
        assertThat(newest.get("amountDue").asLong()).isEqualTo(39900L);
        assertThat(newest.get("amountPaid").asLong()).isEqualTo(39900L);
        assertThat(newest.get("currency").asText()).isEqualTo("usd");
        assertThat(newest.get("hostedInvoiceUrl").asText()).endsWith("/_standin/invoices/" + renewal);
        assertThat(newest.get("invoicePdf").asText()).endsWith("/_standin/invoices/" + renewal + "/pdf");
        Instant periodStart = Instant.parse(newest.get("periodStart").asText());
        Instant periodEnd = Instant.parse(newest.get("periodEnd").asText());
        assertThat(periodEnd).isAfter(periodStart);
        assertThat(Instant.parse(items.get(1).get("periodEnd").asText())).isEqualTo(periodStart);
    }

    @Test
    void adminsMayReadInvoicesAndMembersMayNot() {
        String ws = workspace();
        billing.subscribe(owner(ws), ws, "starter", "monthly");

        Reply admin = billing.get(caller(ws, Role.ADMIN), ws, "/invoices");
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.json().get("items")).hasSize(1);

        assertProblem(billing.get(caller(ws, Role.MEMBER), ws, "/invoices"), 403, "forbidden");
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}

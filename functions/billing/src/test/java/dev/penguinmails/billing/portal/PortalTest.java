package dev.penguinmails.billing.portal;

import static dev.penguinmails.billing.BillingApiTestStack.assertProblem;
import static dev.penguinmails.billing.BillingApiTestStack.owner;
import static dev.penguinmails.billing.BillingApiTestStack.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.billing.BillingApiTestStack;
import dev.penguinmails.billing.BillingApiTestStack.Caller;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Customer Portal links from the stand-in: the portal's home (where the invoices are) for the workspace's own
 * customer, deep links to one task, and a return to the workspace's billing page.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class PortalTest implements TestPropertyProvider {
    private final BillingApiTestStack billing = BillingApiTestStack.start();

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    String ws;
    Caller owner;
    BillingAccount account;

    @Override
    public Map<String, String> getProperties() {
        return billing.properties();
    }

    @BeforeAll
    void attach() {
        billing.attach(context, server);
        ws = workspace();
        owner = owner(ws);
        billing.subscribe(owner, ws, "growth", "monthly");
        account = billing.bean(BillingAccounts.class).find(ws).orElseThrow();
    }

    @AfterAll
    void close() {
        billing.close();
    }

    @Test
    void withoutATaskThePortalOpensOnItsHomeForTheWorkspacesCustomer() {
        Reply opened = billing.post(owner, ws, "/portal-sessions", "{}");

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode session = portalSession(opened);
        assertThat(session.get("customer").asText()).isEqualTo(account.customerId());
        assertThat(session.get("return_url").asText()).isEqualTo("http://localhost:3000/workspaces/" + ws + "/billing");
        assertThat(session.get("flow").isNull()).isTrue();
    }

    @Test
    void theInvoicesTaskIsThePortalsHome() {
        Reply opened = billing.post(owner, ws, "/portal-sessions", "{\"task\":\"invoices\"}");

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(portalSession(opened).get("flow").isNull()).isTrue();
    }

    @Test
    void aTaskDeepLinksIntoThePortal() {
        JsonNode payment = portalSession(billing.post(owner, ws, "/portal-sessions", "{\"task\":\"payment_method_update\"}"));
        assertThat(payment.get("flow").get("type").asText()).isEqualTo("payment_method_update");

        JsonNode cancel = portalSession(billing.post(owner, ws, "/portal-sessions", "{\"task\":\"subscription_cancel\"}"));
        assertThat(cancel.get("flow").get("type").asText()).isEqualTo("subscription_cancel");
        assertThat(cancel.get("flow").get("subscription_cancel").get("subscription").asText()).isEqualTo(account.subscriptionId());

        JsonNode update = portalSession(billing.post(owner, ws, "/portal-sessions", "{\"task\":\"subscription_update\"}"));
        assertThat(update.get("flow").get("type").asText()).isEqualTo("subscription_update");
        assertThat(update.get("flow").get("subscription_update").get("subscription").asText()).isEqualTo(account.subscriptionId());
    }

    @Test
    void aWorkspaceThatNeverSubscribedHasNoPortal() {
        String free = workspace();
        Object before = billing.state();

        assertProblem(billing.post(owner(free), free, "/portal-sessions", "{}"), 409, "no-subscription");
        assertProblem(billing.post(owner(free), free, "/portal-sessions", "{\"task\":\"subscription_cancel\"}"),
                409, "no-subscription");

        assertThat(billing.state()).isEqualTo(before);
    }

    @Test
    void anUnknownTaskIsRefused() {
        Object before = billing.state();

        Reply refused = billing.post(owner, ws, "/portal-sessions", "{\"task\":\"delete_everything\"}");

        assertProblem(refused, 400, "validation-failed");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("task");
        assertThat(billing.state()).isEqualTo(before);
    }

    /** The stand-in's portal session behind the link answered. */
    private JsonNode portalSession(Reply opened) {
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String url = opened.text("url");
        assertThat(url).startsWith(billing.stripe().baseUrl() + "/_standin/portal/bps_");
        return billing.stripeObject(url.substring(url.lastIndexOf('/') + 1));
    }
}

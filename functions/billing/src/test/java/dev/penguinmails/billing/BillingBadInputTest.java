package dev.penguinmails.billing;

import static dev.penguinmails.billing.BillingApiTestStack.assertProblem;
import static dev.penguinmails.billing.BillingApiTestStack.caller;
import static dev.penguinmails.billing.BillingApiTestStack.checkoutBody;
import static dev.penguinmails.billing.BillingApiTestStack.owner;
import static dev.penguinmails.billing.BillingApiTestStack.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.billing.BillingApiTestStack.Caller;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.testsupport.BadJsonBodies;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What billing refuses: unknown plans, malformed bodies, another workspace's billing, and people whose role does not
 * manage billing. Each is a problem+json, and neither the billing table nor the Stripe stand-in changes.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("integration")
class BillingBadInputTest implements TestPropertyProvider {
    private final BillingApiTestStack billing = BillingApiTestStack.start();

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    /** Subscribed to Growth. */
    String ws;
    Caller owner;
    /** Another workspace, subscribed to Starter, which {@link #owner} is not in. */
    String other;
    String otherSession;
    /** A workspace that never subscribed. */
    String free;

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
        other = workspace();
        otherSession = billing.subscribe(owner(other), other, "starter", "monthly");
        free = workspace();
    }

    @AfterAll
    void close() {
        billing.close();
    }

    @Test
    void plansTheCatalogDoesNotSellAreUnknown() {
        Object before = billing.state();

        assertProblem(billing.post(owner(free), free, "/checkout-sessions", checkoutBody("platinum", "monthly")), 422, "unknown-plan");
        assertProblem(billing.post(owner(free), free, "/checkout-sessions", checkoutBody("free", "monthly")), 422, "unknown-plan");
        assertProblem(billing.post(owner, ws, "/plan-change/preview", checkoutBody("platinum", "yearly")), 422, "unknown-plan");
        assertProblem(billing.post(owner, ws, "/plan-change", change("free", "monthly")), 422, "unknown-plan");

        assertThat(billing.state()).isEqualTo(before);
        assertThat(billing.billing(free).get("hasPaymentAccount").asBoolean()).isFalse();
    }

    @Test
    void fieldsOutsideTheirFormatAreNamed() {
        Object before = billing.state();

        assertThat(invalidFields(billing.post(owner(free), free, "/checkout-sessions", checkoutBody("growth", "weekly"))))
                .containsExactly("interval");
        assertThat(invalidFields(billing.post(owner(free), free, "/checkout-sessions", checkoutBody("Growth!", "monthly"))))
                .containsExactly("planId");
        assertThat(invalidFields(billing.post(owner(free), free, "/checkout-sessions", "{}")))
                .containsExactlyInAnyOrder("planId", "interval");
        assertThat(invalidFields(billing.post(owner, ws, "/plan-change",
                "{\"planId\":\"agency\",\"interval\":\"monthly\",\"prorationDate\":-5}"))).containsExactly("prorationDate");
        assertThat(invalidFields(billing.post(owner, ws, "/cancel", "{\"reason\":\"" + "x".repeat(501) + "\"}")))
                .containsExactly("reason");
        assertThat(invalidFields(billing.post(owner, ws, "/cancel", "{\"reason\":\"line\\nbreak\"}")))
                .containsExactly("reason");

        assertThat(billing.state()).isEqualTo(before);
        assertThat(billing.billing(ws).get("cancelAtPeriodEnd").asBoolean()).isFalse();
    }

    @Test
    void malformedJsonIsRefusedOnEveryBillingRoute() {
        refused(owner(free), free, "/checkout-sessions", checkoutBody("growth", "monthly"));
        refused(owner, ws, "/plan-change/preview", checkoutBody("agency", "monthly"));
        refused(owner, ws, "/plan-change", change("agency", "monthly"));
        refused(owner, ws, "/cancel", "{\"atPeriodEnd\":false,\"reason\":\"Too expensive\"}");
        refused(owner, ws, "/portal-sessions", "{\"task\":\"payment_method_update\"}");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        Object before = billing.state();

        for (String body : List.of("planId=growth&interval=monthly", "{\"planId\":\"growth\",", "[]")) {
            Reply reply = billing.post(owner(free), free, "/checkout-sessions", body);
            assertThat(reply.status()).as(body + " got " + reply).isEqualTo(400);
            assertThat(reply.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        }

        assertThat(billing.state()).isEqualTo(before);
    }

    @Test
    void anotherWorkspacesBillingIsNotFound() {
        Object before = billing.state();

        assertProblem(billing.get(owner, other, ""), 404, "not-found");
        assertProblem(billing.get(owner, other, "/invoices"), 404, "not-found");
        assertProblem(billing.post(owner, other, "/checkout-sessions", checkoutBody("agency", "monthly")), 404, "not-found");
        assertProblem(billing.post(owner, other, "/plan-change/preview", checkoutBody("agency", "monthly")), 404, "not-found");
        assertProblem(billing.post(owner, other, "/plan-change", change("agency", "monthly")), 404, "not-found");
        assertProblem(billing.post(owner, other, "/cancel", "{\"atPeriodEnd\":false}"), 404, "not-found");
        assertProblem(billing.post(owner, other, "/reactivate", null), 404, "not-found");
        assertProblem(billing.post(owner, other, "/portal-sessions", "{}"), 404, "not-found");
        assertProblem(billing.post(owner, other, "/checkout-sessions/" + otherSession + "/sync", null), 404, "not-found");

        assertThat(billing.state()).isEqualTo(before);
        assertThat(billing.billing(other).get("planId").asText()).isEqualTo("starter");
    }

    @Test
    void aCheckoutSessionOfAnotherWorkspaceCannotBeSyncedIntoOnesOwn() {
        Object before = billing.state();

        assertProblem(billing.post(owner, ws, "/checkout-sessions/" + otherSession + "/sync", null), 404, "not-found");
        assertProblem(billing.post(owner, ws, "/checkout-sessions/cs_test_missing/sync", null), 404, "not-found");

        assertThat(billing.state()).isEqualTo(before);
        assertThat(billing.billing(ws).get("planId").asText()).isEqualTo("growth");
    }

    @Test
    void onlyTheOwnerManagesBilling() {
        Object before = billing.state();

        for (Role role : List.of(Role.ADMIN, Role.MEMBER, Role.VIEWER)) {
            Caller someone = caller(ws, role);
            assertProblem(billing.post(someone, ws, "/checkout-sessions", checkoutBody("agency", "monthly")), 403, "forbidden");
            assertProblem(billing.post(someone, ws, "/plan-change/preview", checkoutBody("agency", "monthly")), 403, "forbidden");
            assertProblem(billing.post(someone, ws, "/plan-change", change("agency", "monthly")), 403, "forbidden");
            assertProblem(billing.post(someone, ws, "/cancel", "{\"atPeriodEnd\":false,\"reason\":\"mine now\"}"), 403, "forbidden");
            assertProblem(billing.post(someone, ws, "/reactivate", null), 403, "forbidden");
            assertProblem(billing.post(someone, ws, "/portal-sessions", "{}"), 403, "forbidden");
            Caller newcomer = caller(free, role);
            assertProblem(billing.post(newcomer, free, "/checkout-sessions", checkoutBody("growth", "monthly")), 403, "forbidden");
        }

        assertThat(billing.state()).isEqualTo(before);
        assertThat(billing.billing(ws).get("status").asText()).isEqualTo("trialing");
    }

    @Test
    void adminsReadBillingAndOthersBelowDoNot() {
        Reply admin = billing.get(caller(ws, Role.ADMIN), ws, "");
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.text("planId")).isEqualTo("growth");

        assertProblem(billing.get(caller(ws, Role.MEMBER), ws, ""), 403, "forbidden");
        assertProblem(billing.get(caller(ws, Role.VIEWER), ws, ""), 403, "forbidden");
    }

    @Test
    void withoutTheAuthorizersContextNothingIsServed() {
        Object before = billing.state();

        Reply reply = billing.http().post("/v1/workspaces/" + ws + "/billing/cancel", "{\"atPeriodEnd\":false}");

        assertProblem(reply, 401, "unauthorized");
        assertThat(billing.state()).isEqualTo(before);
    }

    private void refused(Caller caller, String workspaceId, String path, String validBody) {
        BadJsonBodies.assertEachRefused(body -> billing.post(caller, workspaceId, path, body), validBody, billing::state);
    }

    private static String change(String planId, String interval) {
        return "{\"planId\":\"" + planId + "\",\"interval\":\"" + interval + "\",\"prorationDate\":"
                + Instant.now().getEpochSecond() + "}";
    }

    /** The fields a 400 validation problem names. */
    private static List<String> invalidFields(Reply reply) {
        assertProblem(reply, 400, "validation-failed");
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}

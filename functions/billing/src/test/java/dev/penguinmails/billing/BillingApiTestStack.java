package dev.penguinmails.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.StripeException;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.catalog.CatalogSync;
import dev.penguinmails.emulators.stripe.StripeStandIn;
import dev.penguinmails.emulators.stripe.StripeStandIn.RecordedRequest;
import dev.penguinmails.shared.auth.AuthorizerContext;
import dev.penguinmails.shared.auth.AuthorizerContext.Membership;
import dev.penguinmails.shared.auth.Role;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.TableSnapshot;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import dev.penguinmails.testsupport.auth.AuthorizerContextInjection;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Billing's API as a test class sees it: a Stripe stand-in of its own (over HTTP, as Stripe), a fresh copy of the
 * stack in the local emulators, and callers as identity's authorizer would describe them. Webhooks are not
 * delivered, so what a test sees in the billing table came from billing's own calls. Create it as a field of a
 * {@code PER_CLASS} test, return {@link #properties()} from {@code getProperties()}, call {@link #attach} in
 * {@code @BeforeAll} and {@link #close} in {@code @AfterAll}.
 */
public final class BillingApiTestStack implements AutoCloseable {
    public static final String API_KEY = "sk_test_penguinmails_tests";
    public static final String WEBHOOK_SECRET = "whsec_penguinmails_tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StripeStandIn stripe;
    private ApplicationContext context;
    private TestHttp http;

    private BillingApiTestStack(StripeStandIn stripe) {
        this.stripe = stripe;
    }

    /** A stand-in on a free port, on the real clock. */
    public static BillingApiTestStack start() {
        return new BillingApiTestStack(StripeStandIn.start(0));
    }

    /** A stand-in on a free port whose idea of "now" is {@code clock} (to move time on in Stripe only). */
    public static BillingApiTestStack start(Clock clock) {
        return new BillingApiTestStack(StripeStandIn.start(0, clock));
    }

    /** The billing context's properties: the stack, the stand-in, and authorizer contexts taken from a test header. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>(TestAws.freshStack().properties());
        properties.put(ConfigKeys.STRIPE_API_BASE, stripe.baseUrl());
        properties.put(ConfigKeys.STRIPE_API_KEY, API_KEY);
        properties.put(ConfigKeys.STRIPE_WEBHOOK_SECRET, WEBHOOK_SECRET);
        properties.put(AuthorizerContextInjection.ENABLED, "true");
        return properties;
    }

    /** Binds to the started context and puts the plan catalog into the stand-in, as the daily sync job does. */
    public void attach(ApplicationContext context, EmbeddedServer server) {
        this.context = context;
        this.http = new TestHttp(server.getURL());
        try {
            context.getBean(CatalogSync.class).sync();
        } catch (StripeException e) {
            throw new IllegalStateException("the catalog did not sync to the stand-in", e);
        }
    }

    public StripeStandIn stripe() {
        return stripe;
    }

    public TestHttp http() {
        return http;
    }

    public DynamoDbClient dynamo() {
        return context.getBean(DynamoDbClient.class);
    }

    public String table() {
        return context.getBean(BillingAccounts.class).table();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A new workspace id. */
    public static String workspace() {
        return Ids.newId("ws");
    }

    /** A person with {@code role} in {@code workspaceId} (and nowhere else), signed in for ten minutes. */
    public static Caller caller(String workspaceId, Role role) {
        return new Caller(Ids.newId("usr"), Map.of(workspaceId, role));
    }

    /** The owner of {@code workspaceId}. */
    public static Caller owner(String workspaceId) {
        return caller(workspaceId, Role.OWNER);
    }

    /** A signed-in person and their roles; {@link #headers} is what the authorizer's context becomes in tests. */
    public record Caller(String userId, Map<String, Role> roles) {
        public String[] headers(String... more) {
            Map<String, Membership> memberships = new HashMap<>();
            roles.forEach((ws, role) -> memberships.put(ws, new Membership(role, false)));
            AuthorizerContext context = AuthorizerContext.user(userId, "ses_" + userId.substring(4), true,
                    Instant.now().getEpochSecond() + 600, memberships);
            String[] headers = new String[2 + more.length];
            headers[0] = AuthorizerContextInjection.HEADER;
            headers[1] = AuthorizerContextInjection.header(context.toMap());
            System.arraycopy(more, 0, headers, 2, more.length);
            return headers;
        }
    }

    /** {@code POST /v1/workspaces/{ws}/billing/<path>} with a JSON body (or none) as {@code caller}. */
    public Reply post(Caller caller, String workspaceId, String path, String json, String... headers) {
        String url = "/v1/workspaces/" + workspaceId + "/billing" + path;
        return json == null ? http.send("POST", url, null, caller.headers(headers)) : http.post(url, json, caller.headers(headers));
    }

    public Reply get(Caller caller, String workspaceId, String path) {
        return http.get("/v1/workspaces/" + workspaceId + "/billing" + path, caller.headers());
    }

    /** Opens a Checkout page for {@code planId} billed {@code interval}; fails unless it is created. */
    public Reply checkout(Caller caller, String workspaceId, String planId, String interval) {
        Reply reply = post(caller, workspaceId, "/checkout-sessions", checkoutBody(planId, interval));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    public static String checkoutBody(String planId, String interval) {
        return "{\"planId\":\"" + planId + "\",\"interval\":\"" + interval + "\"}";
    }

    /**
     * A workspace subscribed to {@code planId}: Checkout opened, paid in the stand-in, and applied through the
     * success-redirect sync. Answers the Checkout session id.
     */
    public String subscribe(Caller owner, String workspaceId, String planId, String interval) {
        String sessionId = checkout(owner, workspaceId, planId, interval).text("sessionId");
        stripe.completeCheckout(sessionId);
        Reply synced = post(owner, workspaceId, "/checkout-sessions/" + sessionId + "/sync", null);
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.text("planId")).isEqualTo(planId);
        return sessionId;
    }

    /** The stand-in's object {@code id} as Stripe answers it. */
    public JsonNode stripeObject(String id) {
        String json = stripe.object(id);
        assertThat(json).as("stand-in object " + id).isNotNull();
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The calls that created or changed something in the stand-in (answered, and not replays of earlier ones). */
    public List<String> stripeWrites() {
        return stripe.requests().stream()
                .filter(r -> !"GET".equals(r.method()) && r.status() == 200 && !r.replayed())
                .map(r -> r.method() + " " + r.path())
                .toList();
    }

    /** The stand-in's requests to {@code method path} so far. */
    public List<RecordedRequest> stripeRequests(String method, String path) {
        return stripe.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** What a refused request must leave as it was: the billing table, and the stand-in's writes and events. */
    public Object state() {
        return List.of(TableSnapshot.of(dynamo(), table()), stripeWrites(), stripe.events());
    }

    /** The workspace's billing as the API shows it to its owner. */
    public JsonNode billing(String workspaceId) {
        Reply reply = get(owner(workspaceId), workspaceId, "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Asserts a problem+json answer with {@code status} and the problem type {@code slug}. */
    public static void assertProblem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.body())
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(reply.problemSlug()).as(reply.body()).isEqualTo(slug);
    }

    @Override
    public void close() {
        stripe.close();
    }
}

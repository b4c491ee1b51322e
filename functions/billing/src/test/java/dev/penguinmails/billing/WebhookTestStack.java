package dev.penguinmails.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import dev.penguinmails.billing.account.BillingAccount;
import dev.penguinmails.billing.account.BillingAccounts;
import dev.penguinmails.billing.catalog.CatalogSync;
import dev.penguinmails.billing.catalog.Interval;
import dev.penguinmails.billing.catalog.PlanCatalog;
import dev.penguinmails.billing.stripe.IdempotencyKeys;
import dev.penguinmails.billing.stripe.StripeGateway;
import dev.penguinmails.billing.webhooks.StripeEventConsumer;
import dev.penguinmails.emulators.ProvisionedStack;
import dev.penguinmails.emulators.stripe.StripeStandIn;
import dev.penguinmails.shared.ids.Ids;
import dev.penguinmails.testsupport.SqsBatches;
import dev.penguinmails.testsupport.TestAws;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Base of the Stripe webhook and dunning tests: one provisioned stack per class (dynalite, ElasticMQ with the FIFO
 * queue, local EventBridge), a Stripe stand-in of its own that billing calls over HTTP, and the real Lambda handler
 * behind an embedded server. Helpers subscribe a workspace in the stand-in, sign and post webhooks, and run the real
 * FIFO consumer over what was queued. Subclasses carry {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebhookTestStack implements TestPropertyProvider {
    public static final String WEBHOOK = "/v1/billing/stripe/webhook";
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected ApplicationContext context;

    protected ProvisionedStack stack;
    protected StripeStandIn stripe;
    protected String webhookSecret;
    protected TestHttp api;
    protected DynamoDbClient dynamo;
    protected SqsClient sqs;
    private boolean catalogSynced;

    @Override
    public Map<String, String> getProperties() {
        stack = TestAws.freshStack();
        dynamo = TestAws.shared().clients().dynamoDb();
        sqs = TestAws.shared().clients().sqs();
        stripe = StripeStandIn.start(0);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        webhookSecret = "whsec_" + HexFormat.of().formatHex(secret);
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put(ConfigKeys.STRIPE_API_BASE, stripe.baseUrl());
        properties.put(ConfigKeys.STRIPE_API_KEY, "sk_test_penguinmails_tests");
        properties.put(ConfigKeys.STRIPE_WEBHOOK_SECRET, webhookSecret);
        properties.putAll(extraProperties());
        return properties;
    }

    /** Properties a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeEach
    void api() {
        api = new TestHttp(server.getURL());
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    /** From now on the stand-in signs its events and posts them to billing's webhook, as Stripe would. */
    protected void stripeDeliversWebhooks() {
        stripe.deliverWebhooksTo(server.getURL() + WEBHOOK, webhookSecret);
    }

    /** A workspace id nobody else in this JVM uses. */
    protected static String newWorkspace() {
        return Ids.newId("ws");
    }

    /** A workspace's subscription in the stand-in, as a paying customer makes it through Checkout. */
    public record Subscribed(String workspaceId, String customerId, String subscriptionId) { }

    /**
     * Subscribes {@code workspaceId} to {@code planId} (monthly, no trial) in the stand-in: catalog, customer and
     * Checkout made by billing's own gateway, the payment completed as the customer would.
     */
    protected Subscribed subscribe(String workspaceId, String planId) {
        StripeGateway gateway = context.getBean(StripeGateway.class);
        try {
            if (!catalogSynced) {
                context.getBean(CatalogSync.class).sync();
                catalogSynced = true;
            }
            String price = gateway.priceByLookupKey(PlanCatalog.lookupKey(planId, Interval.MONTHLY)).orElseThrow().getId();
            String customer = gateway.createCustomer(workspaceId, IdempotencyKeys.of("test-customer", workspaceId)).getId();
            context.getBean(BillingAccounts.class).recordCustomer(workspaceId, customer, PlanCatalog.FREE);
            Session checkout = gateway.createCheckout(customer, workspaceId, price, 0, "https://app.example/ok",
                    "https://app.example/cancel", IdempotencyKeys.of("test-checkout", workspaceId));
            return new Subscribed(workspaceId, customer, stripe.completeCheckout(checkout.getId()));
        } catch (StripeException e) {
            throw new AssertionError("the stand-in refused to subscribe " + workspaceId, e);
        }
    }

    /** How many events the stand-in has made so far; {@link #eventsSince} takes it. */
    protected int eventMark() {
        return stripe.events().size();
    }

    /** The stand-in's events made after {@code mark}, oldest first, as the JSON Stripe would post. */
    protected List<String> eventsSince(int mark) {
        List<String> all = stripe.events();
        return List.copyOf(all.subList(mark, all.size()));
    }

    /** The one event of {@code type} among {@code events}. */
    protected static String eventOfType(List<String> events, String type) {
        List<String> matching = events.stream().filter(e -> type.equals(tree(e).path("type").asText())).toList();
        assertThat(matching).as("one %s among %s", type, events).hasSize(1);
        return matching.get(0);
    }

    /** A Stripe-Signature header for {@code payload}, made now with the endpoint's secret. */
    protected String signature(String payload) {
        return StripeStandIn.signatureHeader(payload, webhookSecret, Instant.now().getEpochSecond());
    }

    /** Posts {@code payload} to the webhook with {@code headers} (name, value pairs), as raw bytes. */
    protected TestHttp.Reply post(String payload, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json; charset=utf-8";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.send("POST", WEBHOOK, payload, all);
    }

    /** Posts each event, correctly signed, in the order given; each must be accepted. */
    protected void postSigned(List<String> events) {
        for (String event : events) {
            TestHttp.Reply reply = post(event, "Stripe-Signature", signature(event));
            assertThat(reply.status()).as("webhook of %s: %s", tree(event).path("type").asText(), reply).isEqualTo(200);
        }
    }

    /** Waits until the stand-in has delivered every event it made (it delivers asynchronously, in order). */
    protected void awaitStripeDelivered() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> stripeApi("/v1/events?delivery_success=false&limit=100").path("data").isEmpty());
    }

    /** Every message waiting on the FIFO queue billing-stripe-events, taken off the queue, in the order received. */
    protected List<Message> takeQueued() {
        String url = queueUrl();
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = receiveBatch();
            if (batch.isEmpty()) {
                return all;
            }
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
            all.addAll(batch);
        }
    }

    /** One batch of up to ten messages from the FIFO queue, left in flight as Lambda's trigger leaves them. */
    protected List<Message> receiveBatch() {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    protected String queueUrl() {
        return stack.queueUrl(PenguinMailsTopology.BILLING_STRIPE_EVENTS);
    }

    /**
     * Runs the real FIFO consumer over everything queued, batch by batch as Lambda's trigger would, and deletes what it
     * processed; fails if it reports a failure. Answers how many messages it processed.
     */
    protected int consumeQueued() {
        String url = queueUrl();
        StripeEventConsumer consumer = new StripeEventConsumer(context);
        int processed = 0;
        while (true) {
            List<Message> batch = receiveBatch();
            if (batch.isEmpty()) {
                return processed;
            }
            SQSBatchResponse response = consumer.execute(SqsBatches.sqsEvent(batch));
            assertThat(response.getBatchItemFailures()).as("Stripe event consumer failures").isEmpty();
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
            processed += batch.size();
        }
    }


    /** The workspace's billing account as stored; fails when there is none. */
    protected BillingAccount account(String workspaceId) {
        return context.getBean(BillingAccounts.class).find(workspaceId)
                .orElseThrow(() -> new AssertionError("no billing account for " + workspaceId));
    }

    /** The raw item of the workspace's billing account. */
    protected Map<String, AttributeValue> accountItem(String workspaceId) {
        String table = context.getBean(BillingAccounts.class).table();
        return dynamo.getItem(r -> r.tableName(table).key(BillingAccounts.key(workspaceId)).consistentRead(true)).item();
    }

    /** The object {@code id} as the stand-in holds it now (Stripe's current state). */
    protected JsonNode stripeObject(String id) {
        String json = stripe.object(id);
        assertThat(json).as("Stripe object " + id).isNotNull();
        return tree(json);
    }

    /** How many API requests billing made to the stand-in for {@code method path}. */
    protected long stripeCalls(String method, String path) {
        return stripe.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    /** The details of the events billing published for {@code workspaceId}, of one detail-type, oldest first. */
    protected List<JsonNode> published(String workspaceId, String detailType) {
        return TestAws.shared().eventBridge().publishedEvents(stack.eventBus()).stream()
                .filter(e -> e.detailType().equals(detailType))
                .map(e -> tree(e.detail()))
                .filter(d -> workspaceId.equals(d.path("workspaceId").asText()))
                .toList();
    }

    /** The steps of the {@code billing.dunning.step} events published for {@code workspaceId}, oldest first. */
    protected List<String> dunningSteps(String workspaceId) {
        return published(workspaceId, "billing.dunning.step").stream().map(d -> d.path("step").asText()).toList();
    }

    /** A GET of the stand-in's API, as a Stripe client would make it. */
    protected JsonNode stripeApi(String pathAndQuery) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stripe.baseUrl() + pathAndQuery))
                            .header("Authorization", "Bearer sk_test_penguinmails_tests").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return tree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}

package dev.penguinmails.emulators.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Stripe stand-in as billing sees it: driven through stripe-java, with Stripe's answer and error shapes, idempotency
 * keys, proration, and webhooks signed so that stripe-java's own verification accepts them.
 */
@Tag("integration")
class StripeStandInTest {
    /** The stand-in's clock: subscriptions start here, so proration amounts are exact. */
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final String SECRET = "whsec_standin_test";

    private StripeStandIn standIn;
    private StripeClient stripe;
    private HttpServer endpoint;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private record Delivery(String payload, String signature) { }

    @BeforeEach
    void start() throws IOException {
        standIn = StripeStandIn.start(0, Clock.fixed(NOW, ZoneOffset.UTC));
        stripe = StripeClient.builder().setApiKey("sk_test_standin").setApiBase(standIn.baseUrl()).build();
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/webhook", exchange -> {
            deliveries.add(new Delivery(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Stripe-Signature")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        standIn.close();
        endpoint.stop(0);
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhook";
    }

    private Customer customer(String workspaceId) throws Exception {
        return stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("owner@example.com")
                .putMetadata("workspace_id", workspaceId).build());
    }

    private final java.util.Set<String> products = new java.util.HashSet<>();

    private Price price(String product, String lookupKey, long cents) throws Exception {
        if (products.add(product)) {
            stripe.v1().products().create(ProductCreateParams.builder().setId(product).setName(product).build());
        }
        return stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product).setUnitAmount(cents)
                .setCurrency("usd").setLookupKey(lookupKey)
                .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .build());
    }

    private Session checkout(Customer customer, Price price, Long trialDays) throws Exception {
        SessionCreateParams.SubscriptionData.Builder data = SessionCreateParams.SubscriptionData.builder()
                .putMetadata("workspace_id", customer.getMetadata().get("workspace_id"));
        if (trialDays != null) {
            data.setTrialPeriodDays(trialDays);
        }
        return stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION).setCustomer(customer.getId())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
                .setSubscriptionData(data.build())
                .setSuccessUrl("https://app.example/ok").setCancelUrl("https://app.example/cancel").build());
    }

    @Test
    void customersArePersistedWithTheirMetadata() throws Exception {
        Customer created = customer("ws_1");

        Customer read = stripe.v1().customers().retrieve(created.getId());

        assertThat(created.getId()).startsWith("cus_");
        assertThat(read.getEmail()).isEqualTo("owner@example.com");
        assertThat(read.getMetadata()).containsEntry("workspace_id", "ws_1");
    }

    @Test
    void aCompletedCheckoutMakesAnActiveSubscriptionWithAPaidInvoice() throws Exception {
        Customer customer = customer("ws_1");
        Price growth = price("penguinmails_growth", "penguinmails_growth_monthly", 12_900L);
        Session session = checkout(customer, growth, null);
        assertThat(session.getStatus()).isEqualTo("open");
        assertThat(session.getUrl()).startsWith(standIn.baseUrl() + "/_standin/checkout/");

        String subscriptionId = standIn.completeCheckout(session.getId());

        Session done = stripe.v1().checkout().sessions().retrieve(session.getId());
        assertThat(done.getStatus()).isEqualTo("complete");
        assertThat(done.getSubscription()).isEqualTo(subscriptionId);
        Subscription subscription = stripe.v1().subscriptions().retrieve(subscriptionId);
        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription.getMetadata()).containsEntry("workspace_id", "ws_1");
        assertThat(subscription.getItems().getData()).singleElement().satisfies(item -> {
            assertThat(item.getPrice().getLookupKey()).isEqualTo("penguinmails_growth_monthly");
            assertThat(item.getCurrentPeriodStart()).isEqualTo(NOW.getEpochSecond());
            assertThat(item.getCurrentPeriodEnd()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z").getEpochSecond());
        });
        Invoice invoice = stripe.v1().invoices().retrieve(subscription.getLatestInvoice());
        assertThat(invoice.getStatus()).isEqualTo("paid");
        assertThat(invoice.getAmountPaid()).isEqualTo(12_900L);
        assertThat(stripe.v1().subscriptions().list(SubscriptionListParams.builder().setCustomer(customer.getId())
                .setStatus(SubscriptionListParams.Status.ALL).build()).getData())
                .extracting(Subscription::getId).containsExactly(subscriptionId);
        // A session is completed once.
        assertThatThrownBy(() -> standIn.completeCheckout(session.getId())).isInstanceOf(StripeError.class)
                .hasMessageContaining("complete");
    }

    @Test
    void aTrialStartsTrialingWithoutCharge() throws Exception {
        Customer customer = customer("ws_2");
        Price starter = price("penguinmails_starter", "penguinmails_starter_monthly", 3_900L);

        Subscription subscription = stripe.v1().subscriptions().retrieve(standIn.completeCheckout(checkout(customer, starter, 14L).getId()));

        assertThat(subscription.getStatus()).isEqualTo("trialing");
        assertThat(subscription.getTrialEnd()).isEqualTo(NOW.plus(Duration.ofDays(14)).getEpochSecond());
        assertThat(stripe.v1().invoices().retrieve(subscription.getLatestInvoice()).getAmountDue()).isZero();
    }

    @Test
    void anUpgradePreviewProratesTheRestOfThePeriodAndTheUpdateChargesIt() throws Exception {
        Customer customer = customer("ws_3");
        Price starter = price("penguinmails_starter", "penguinmails_starter_monthly", 3_900L);
        Price growth = price("penguinmails_growth", "penguinmails_growth_monthly", 12_900L);
        Subscription subscription = stripe.v1().subscriptions().retrieve(standIn.completeCheckout(checkout(customer, starter, null).getId()));
        String itemId = subscription.getItems().getData().get(0).getId();
        // Half of January's 31 days remain.
        long halfway = NOW.plus(Duration.ofHours(31 * 12)).getEpochSecond();

        Invoice preview = stripe.v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                .setCustomer(customer.getId()).setSubscription(subscription.getId())
                .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                        .addItem(InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder().setId(itemId).setPrice(growth.getId()).build())
                        .setProrationDate(halfway)
                        .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior.ALWAYS_INVOICE)
                        .build())
                .build());

        assertThat(preview.getLines().getData()).extracting(InvoiceLineItem::getAmount).containsExactly(-1_950L, 6_450L);
        assertThat(preview.getAmountDue()).isEqualTo(4_500L);
        assertThat(preview.getCurrency()).isEqualTo("usd");
        // A preview changes nothing.
        assertThat(stripe.v1().subscriptions().retrieve(subscription.getId()).getItems().getData().get(0).getPrice().getId())
                .isEqualTo(starter.getId());

        Subscription upgraded = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(itemId).setPrice(growth.getId()).build())
                .setProrationDate(halfway)
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .build());

        assertThat(upgraded.getItems().getData().get(0).getPrice().getId()).isEqualTo(growth.getId());
        Invoice charged = stripe.v1().invoices().retrieve(upgraded.getLatestInvoice());
        assertThat(charged.getAmountPaid()).isEqualTo(preview.getAmountDue());
        assertThat(charged.getBillingReason()).isEqualTo("subscription_update");
    }

    @Test
    void anUnpaidUpgradeStaysPendingUntilTheInvoiceIsPaid() throws Exception {
        Customer customer = customer("ws_4");
        Price starter = price("penguinmails_starter", "penguinmails_starter_monthly", 3_900L);
        Price growth = price("penguinmails_growth", "penguinmails_growth_monthly", 12_900L);
        Subscription subscription = stripe.v1().subscriptions().retrieve(standIn.completeCheckout(checkout(customer, starter, null).getId()));
        standIn.setPaymentsFail(customer.getId(), true);

        Subscription pending = stripe.v1().subscriptions().update(subscription.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(subscription.getItems().getData().get(0).getId())
                        .setPrice(growth.getId()).build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.ALWAYS_INVOICE)
                .setPaymentBehavior(SubscriptionUpdateParams.PaymentBehavior.PENDING_IF_INCOMPLETE)
                .build());

        assertThat(pending.getPendingUpdate()).isNotNull();
        assertThat(pending.getItems().getData().get(0).getPrice().getId()).isEqualTo(starter.getId());
        standIn.payInvoice(pending.getLatestInvoice());
        Subscription applied = stripe.v1().subscriptions().retrieve(subscription.getId());
        assertThat(applied.getPendingUpdate()).isNull();
        assertThat(applied.getItems().getData().get(0).getPrice().getId()).isEqualTo(growth.getId());
    }

    @Test
    void aLookupKeyIsTakenOverOnlyWhenAsked() throws Exception {
        Price first = price("penguinmails_starter", "penguinmails_starter_monthly", 3_900L);

        assertThatThrownBy(() -> price("penguinmails_starter", "penguinmails_starter_monthly", 4_900L))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("lookup_key");
                });
        Price second = stripe.v1().prices().create(PriceCreateParams.builder().setProduct("penguinmails_starter")
                .setUnitAmount(4_900L).setCurrency("usd").setLookupKey("penguinmails_starter_monthly").setTransferLookupKey(true)
                .setRecurring(PriceCreateParams.Recurring.builder().setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .build());

        assertThat(stripe.v1().prices().list(PriceListParams.builder().addLookupKey("penguinmails_starter_monthly").build())
                .getData()).extracting(Price::getId).containsExactly(second.getId());
        assertThat(stripe.v1().prices().retrieve(first.getId()).getLookupKey()).isNull();
    }

    @Test
    void webhooksAreSignedSoThatStripeJavaAcceptsThem() throws Exception {
        standIn.deliverWebhooksTo(webhookUrl(), SECRET);
        Customer customer = customer("ws_5");
        Price growth = price("penguinmails_growth", "penguinmails_growth_monthly", 12_900L);

        String subscriptionId = standIn.completeCheckout(checkout(customer, growth, null).getId());

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= 4);
        List<Event> events = deliveries.stream().map(d -> {
            try {
                return Webhook.constructEvent(d.payload(), d.signature(), SECRET);
            } catch (SignatureVerificationException e) {
                throw new AssertionError("stripe-java refused the stand-in's signature: " + e.getMessage(), e);
            }
        }).toList();
        assertThat(events).extracting(Event::getType).containsExactly(
                "checkout.session.completed", "customer.subscription.created", "invoice.created", "invoice.paid");
        Subscription delivered = (Subscription) events.get(1).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(delivered.getId()).isEqualTo(subscriptionId);
        assertThat(delivered.getMetadata()).containsEntry("workspace_id", "ws_5");
        Delivery first = deliveries.get(0);
        assertThatThrownBy(() -> Webhook.constructEvent(first.payload(), first.signature(), "whsec_someone_else"))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> Webhook.constructEvent(first.payload().replace("complete", "expired"), first.signature(), SECRET))
                .isInstanceOf(SignatureVerificationException.class);
        // Every event reached the endpoint, so none waits to be replayed.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(undelivered()).isEmpty());
    }

    @Test
    void badRequestsGetStripesErrorShapes() throws Exception {
        assertThatThrownBy(() -> stripe.v1().customers().retrieve("cus_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getParam()).isEqualTo("id");
                    assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
                    assertThat(e.getMessage()).contains("No such customer: 'cus_missing'");
                });
        Customer customer = customer("ws_6");
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION).setCustomer(customer.getId())
                .setSuccessUrl("https://app.example/ok").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("line_items");
                });
        assertThatThrownBy(() -> stripe.v1().prices().create(PriceCreateParams.builder().setProduct("prod_missing")
                .setUnitAmount(100L).setCurrency("usd").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
    }

    @Test
    void anIdempotencyKeyRepeatsTheFirstAnswerAndRefusesOtherParameters() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("customer-ws_7").build();
        CustomerCreateParams params = CustomerCreateParams.builder().putMetadata("workspace_id", "ws_7").build();

        Customer first = stripe.v1().customers().create(params, key);
        Customer retried = stripe.v1().customers().create(params, key);

        assertThat(retried.getId()).isEqualTo(first.getId());
        assertThat(standIn.requests()).filteredOn(StripeStandIn.RecordedRequest::replayed).hasSize(1);
        assertThatThrownBy(() -> stripe.v1().customers().create(
                CustomerCreateParams.builder().putMetadata("workspace_id", "ws_other").build(), key))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void undeliveredEventsAreListedForReplay() throws Exception {
        standIn.deliverWebhooksTo("http://127.0.0.1:9/nothing-listens-here", SECRET);
        Customer customer = customer("ws_8");
        Price growth = price("penguinmails_growth", "penguinmails_growth_monthly", 12_900L);
        standIn.completeCheckout(checkout(customer, growth, null).getId());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(undelivered())
                .extracting(Event::getType).contains("checkout.session.completed", "invoice.paid"));
    }

    private List<Event> undelivered() throws Exception {
        return stripe.v1().events().list(EventListParams.builder().setDeliverySuccess(false).setLimit(100L).build()).getData();
    }
}

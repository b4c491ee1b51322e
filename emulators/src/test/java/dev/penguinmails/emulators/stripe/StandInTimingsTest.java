package dev.penguinmails.emulators.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The stand-in's timing endpoints, over real HTTP, with a real webhook endpoint that takes its time. */
@Tag("integration")
class StandInTimingsTest {
    private static final long ENDPOINT_DELAY_MILLIS = 30L;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger received = new AtomicInteger();
    private HttpServer endpoint;
    private StripeStandIn stripe;

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        // Answers 200, but 500 to the third event, each after a fixed delay the latencies must include.
        endpoint.createContext("/webhook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Thread.sleep(ENDPOINT_DELAY_MILLIS);
                exchange.sendResponseHeaders(received.incrementAndGet() == 3 ? 500 : 200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        endpoint.start();
        stripe = StripeStandIn.start(0);
        stripe.deliverWebhooksTo("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhook", "whsec_test");
    }

    @AfterEach
    void stop() {
        stripe.close();
        endpoint.stop(0);
    }

    @Test
    void webhookDeliveriesReportEachStatusAndLatency() throws Exception {
        String subscription = subscribe();
        // checkout.session.completed, customer.subscription.created, invoice.created, invoice.paid, then the update
        call("POST", "/v1/subscriptions/" + subscription, "metadata[seq]=1");
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/_standin/webhook-deliveries").get("count").asInt() == 5);

        JsonNode deliveries = get("/_standin/webhook-deliveries");
        assertThat(deliveries.get("statuses").get("200").asInt()).isEqualTo(4);
        assertThat(deliveries.get("statuses").get("500").asInt()).isEqualTo(1);
        assertThat(deliveries.get("deliveries").get(2).get("status").asInt()).isEqualTo(500);
        assertThat(deliveries.get("deliveries").get(0).get("event").asText()).startsWith("evt_");
        for (JsonNode each : deliveries.get("deliveries")) {
            assertThat(each.get("latency_ms").asDouble()).isGreaterThanOrEqualTo(ENDPOINT_DELAY_MILLIS);
        }
        JsonNode latency = deliveries.get("latency_ms");
        assertThat(latency.get("p50").asDouble()).isGreaterThanOrEqualTo(ENDPOINT_DELAY_MILLIS)
            .isLessThanOrEqualTo(latency.get("p99").asDouble());
        assertThat(latency.get("max").asDouble()).isEqualTo(latency.get("p99").asDouble());
        assertThat(deliveries.get("last_answered_at").asDouble()).isGreaterThan(deliveries.get("first_sent_at").asDouble());

        assertThat(call("DELETE", "/_standin/webhook-deliveries", "").get("count").asInt()).isZero();
        assertThat(get("/_standin/webhook-deliveries").get("deliveries")).isEmpty();
    }

    @Test
    void requestsAreCountedByMethodAndPathWithTheirRate() throws Exception {
        String subscription = subscribe();
        call("DELETE", "/_standin/requests", "");
        for (int i = 0; i < 3; i++) {
            call("GET", "/v1/subscriptions/" + subscription, "");
        }
        call("GET", "/v1/subscriptions/sub_missing", "");
        call("POST", "/v1/subscriptions/" + subscription, "metadata[seq]=1");

        JsonNode reads = get("/_standin/requests?method=GET&path_prefix=/v1/subscriptions/");
        assertThat(reads.get("count").asInt()).isEqualTo(4);
        assertThat(reads.get("statuses").get("200").asInt()).isEqualTo(3);
        assertThat(reads.get("statuses").get("404").asInt()).isEqualTo(1);
        assertThat(reads.get("last_answered_at").asDouble()).isGreaterThanOrEqualTo(reads.get("first_answered_at").asDouble());
        assertThat(reads.get("per_second").asDouble()).isPositive();
        assertThat(get("/_standin/requests").get("count").asInt()).isEqualTo(5);
    }

    @Test
    void concurrentChangesDeliverEachEventOnce() throws Exception {
        String first = subscribe();
        String second = subscribe();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/_standin/webhook-deliveries").get("count").asInt() == 8);
        call("DELETE", "/_standin/webhook-deliveries", "");
        List<Thread> threads = new ArrayList<>();
        for (String subscription : List.of(first, second, first, second)) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        call("POST", "/v1/subscriptions/" + subscription, "metadata[seq]=" + i);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/_standin/webhook-deliveries").get("count").asInt() >= 40);
        Thread.sleep(200L);
        JsonNode deliveries = get("/_standin/webhook-deliveries");
        Set<String> events = new HashSet<>();
        deliveries.get("deliveries").forEach(d -> events.add(d.get("event").asText()));
        assertThat(deliveries.get("count").asInt()).isEqualTo(40);
        assertThat(events).hasSize(40);
    }

    /** A customer with a subscription, through the API as billing makes one; answers the subscription id. */
    private String subscribe() throws Exception {
        String product = call("POST", "/v1/products", "name=Starter").get("id").asText();
        String price = call("POST", "/v1/prices", "product=" + product + "&unit_amount=3900&currency=usd&recurring[interval]=month")
            .get("id").asText();
        String customer = call("POST", "/v1/customers", "email=owner%40example.com&metadata[workspace_id]=ws_1").get("id").asText();
        String session = call("POST", "/v1/checkout/sessions", "customer=" + customer + "&mode=subscription"
            + "&line_items[0][price]=" + price + "&line_items[0][quantity]=1&subscription_data[metadata][workspace_id]=ws_1")
            .get("id").asText();
        return stripe.completeCheckout(session);
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        return call("GET", pathAndQuery, "");
    }

    private JsonNode call(String method, String pathAndQuery, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripe.baseUrl() + pathAndQuery))
            .header("Authorization", "Bearer sk_test_x").header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, form.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(form)).build();
        return StripeLedger.JSON.readTree(http.send(request, BodyHandlers.ofString()).body());
    }
}

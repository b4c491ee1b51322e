package dev.penguinmails.emulators.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BaseJsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.penguinmails.emulators.EmulatorException;
import dev.penguinmails.emulators.LoopbackHttpServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Stripe API, for the local stack and tests: the endpoints billing calls, with Stripe's
 * request and answer shapes, idempotency keys, and signed webhook delivery of the events its changes make. Tests and
 * the local stack drive what a customer or the passing of time would do in Stripe (complete a Checkout, fail
 * payments, renew) through its public methods or its {@code /_standin/} endpoints.
 */
public final class StripeStandIn implements AutoCloseable {
    public static final String API_VERSION = "2026-07-29.dahlia";
    private final HttpServer server;
    private final StripeLedger ledger;
    private final WebhookDelivery delivery = new WebhookDelivery();
    private final RequestTimeline timeline = new RequestTimeline();
    private final Map<String, StoredAnswer> idempotent = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, Boolean> delivered = new ConcurrentHashMap<>();

    private StripeStandIn(HttpServer server, Clock clock) {
        this.server = server;
        this.ledger = new StripeLedger("http://127.0.0.1:" + server.getAddress().getPort(), clock);
        server.createContext("/", this::handle).getFilters().add(timeline);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stripe-standin");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts the stand-in on {@code port} of 127.0.0.1 (0 for any free one). */
    public static StripeStandIn start(int port) {
        return start(port, Clock.systemUTC());
    }

    public static StripeStandIn start(int port, Clock clock) {
        try {
            return new StripeStandIn(LoopbackHttpServers.create(new InetSocketAddress("127.0.0.1", port), 64), clock);
        } catch (IOException e) {
            throw new EmulatorException("The Stripe stand-in could not listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, signs events with {@code secret} and posts them to {@code url}. */
    public void deliverWebhooksTo(String url, String secret) {
        delivery.configure(url, secret);
    }

    /** A Stripe-Signature header for {@code payload}, as Stripe makes it. */
    public static String signatureHeader(String payload, String secret, long timestamp) {
        return WebhookDelivery.signatureHeader(payload, secret, timestamp);
    }

    /** Every API request received so far, for tests to assert on. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every event made so far, as JSON, oldest first. */
    public synchronized List<String> events() {
        return ledger.events().stream().<String>map(BaseJsonNode::toString).toList();
    }

    /** Completes Checkout {@code sessionId} as a paying customer would; answers the new subscription's id. */
    public String completeCheckout(String sessionId) {
        return control(() -> ledger.completeCheckout(sessionId).get("subscription").asText());
    }

    /** Makes the customer's card fail (or work again) from the next charge on. */
    public void setPaymentsFail(String customerId, boolean fail) {
        control(() -> {
            ledger.setPaymentsFail(customerId, fail);
            return null;
        });
    }

    /** Moves the subscription into its next period and invoices it; answers the invoice id. */
    public String renew(String subscriptionId) {
        return control(() -> ledger.renew(subscriptionId).get("id").asText());
    }

    public void payInvoice(String invoiceId) {
        control(() -> ledger.payInvoice(invoiceId));
    }

    public void setStatus(String subscriptionId, String status) {
        control(() -> ledger.setStatus(subscriptionId, status));
    }

    public void trialWillEnd(String subscriptionId) {
        control(() -> {
            ledger.trialWillEnd(subscriptionId);
            return null;
        });
    }

    /** The object {@code id} as Stripe would answer it, or null. */
    public synchronized String object(String id) {
        ObjectNode o = ledger.get(id);
        return o == null ? null : StripeLedger.visible(o).toString();
    }

    private <T> T control(Supplier<T> action) {
        int before;
        T result;
        synchronized (this) {
            before = ledger.events().size();
            result = action.get();
        }
        deliverFrom(before);
        return result;
    }

    private void deliverFrom(int index) {
        if (delivery.configured()) {
            List<ObjectNode> fresh;
            synchronized (this) {
                fresh = List.copyOf(ledger.events().subList(index, ledger.events().size()));
            }
            fresh.forEach(e -> delivery.deliver(e.get("id").asText(), e.toString(), delivered::put));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean replayed = false;
            int status;
            String answer;
            int eventsBefore;
            synchronized (this) {
                eventsBefore = ledger.events().size();
                String fingerprint = method + " " + path + "?" + body;
                StoredAnswer stored = key != null && !"GET".equals(method) ? idempotent.get(key) : null;
                if (stored != null && !stored.fingerprint().equals(fingerprint)) {
                    status = 400;
                    answer = new StripeError(
                            400, "idempotency_error", null, "Keys for idempotent requests can only be used with the same parameters they were first used with.", null
                        ).json();
                } else if (stored != null) {
                    status = stored.status();
                    answer = stored.body();
                    replayed = true;
                } else {
                    try {
                        // Stripe's clients send the parameters of GET and DELETE requests in the query string.
                        answer = route(method, path, FormParams.parse("GET".equals(method) || "DELETE".equals(method) ? query : body)).toString();
                        status = 200;
                    } catch (StripeError e) {
                        status = e.status;
                        answer = e.json();
                    } catch (RuntimeException e) {
                        status = 400;
                        answer = StripeError.invalid("The stand-in cannot read this request: " + e, null).json();
                    }
                    if (key != null && !"GET".equals(method)) {
                        idempotent.put(key, new StoredAnswer(fingerprint, status, answer));
                    }
                }
                requests.add(new RecordedRequest(method, path, key, replayed, status));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Stripe-Version", "2026-07-29.dahlia");
            exchange.getResponseHeaders().add("Request-Id", "req_" + Long.toHexString(System.nanoTime()));
            if (replayed) {
                exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            if (!replayed) {
                deliverFrom(eventsBefore);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Object route(String method, String path, FormParams p) {
        String m = method + " " + path;
        if (match(m, "POST /v1/customers") != null) {
            return ledger.createCustomer(p);
        } else {
            Matcher id;
            if ((id = match(m, "GET /v1/customers/{}")) != null) {
                return ledger.require(id.group(1), "customer");
            } else if (match(m, "POST /v1/products") != null) {
                return ledger.createProduct(p);
            } else if (match(m, "GET /v1/products") != null) {
                List<String> ids = p.strings("ids");
                return list(ledger.all("product", o -> ids.isEmpty() || ids.contains(o.path("id").asText())), "/v1/products");
            } else if ((id = match(m, "GET /v1/products/{}")) != null) {
                return ledger.require(id.group(1), "product");
            } else if ((id = match(m, "POST /v1/products/{}")) != null) {
                return ledger.updateProduct(id.group(1), p);
            } else if (match(m, "POST /v1/prices") != null) {
                return ledger.createPrice(p);
            } else if (match(m, "GET /v1/prices") != null) {
                List<String> keys = p.strings("lookup_keys");
                return list(
                    ledger.all(
                            "price",
                            o -> (keys.isEmpty() || keys.contains(o.path("lookup_key").asText()))
                                && (p.get("active") == null || o.get("active").asText().equals(p.get("active")))
                        ),
                    "/v1/prices"
                );
            } else if ((id = match(m, "GET /v1/prices/{}")) != null) {
                return ledger.require(id.group(1), "price");
            } else if ((id = match(m, "POST /v1/prices/{}")) != null) {
                return ledger.updatePrice(id.group(1), p);
            } else if (match(m, "POST /v1/checkout/sessions") != null) {
                return StripeLedger.visible(ledger.createCheckoutSession(p));
            } else if ((id = match(m, "GET /v1/checkout/sessions/{}")) != null) {
                return StripeLedger.visible(ledger.require(id.group(1), "checkout.session"));
            } else if ((id = match(m, "POST /v1/checkout/sessions/{}/expire")) != null) {
                return StripeLedger.visible(ledger.expireCheckoutSession(id.group(1)));
            } else if (match(m, "POST /v1/billing_portal/sessions") != null) {
                return ledger.createPortalSession(p);
            } else if (match(m, "GET /v1/subscriptions") != null) {
                return list(ledger.subscriptions(p), "/v1/subscriptions");
            } else if ((id = match(m, "GET /v1/subscriptions/{}")) != null) {
                return StripeLedger.visible(ledger.require(id.group(1), "subscription"));
            } else if ((id = match(m, "POST /v1/subscriptions/{}")) != null) {
                return StripeLedger.visible(ledger.updateSubscription(id.group(1), p));
            } else if ((id = match(m, "DELETE /v1/subscriptions/{}")) != null) {
                return StripeLedger.visible(ledger.cancelSubscription(id.group(1), p));
            } else if (match(m, "POST /v1/invoices/create_preview") != null) {
                return ledger.previewInvoice(p);
            } else if (match(m, "GET /v1/invoices") != null) {
                return list(limit(ledger.invoices(p), p), "/v1/invoices");
            } else if ((id = match(m, "GET /v1/invoices/{}")) != null) {
                return ledger.require(id.group(1), "invoice");
            } else if (match(m, "GET /v1/events") != null) {
                return events(p);
            } else if ((id = match(m, "GET /v1/events/{}")) != null) {
                return ledger.event(id.group(1));
            } else if ((id = match(m, "POST /_standin/checkout/{}/complete")) != null) {
                return ledger.completeCheckout(id.group(1));
            } else if ((id = match(m, "POST /_standin/customers/{}/payments-fail")) != null) {
                ledger.setPaymentsFail(id.group(1), !"false".equals(p.get("fail")));
                return ledger.require(id.group(1), "customer");
            } else if ((id = match(m, "POST /_standin/subscriptions/{}/renew")) != null) {
                return ledger.renew(id.group(1));
            } else if ((id = match(m, "POST /_standin/subscriptions/{}/status")) != null) {
                return ledger.setStatus(id.group(1), p.get("status"));
            } else if ((id = match(m, "POST /_standin/invoices/{}/pay")) != null) {
                return ledger.payInvoice(id.group(1));
            } else if (match(m, "GET /_standin/webhook-deliveries") != null) {
                return StandInTimings.deliveries(delivery.attempts());
            } else if (match(m, "DELETE /_standin/webhook-deliveries") != null) {
                delivery.clearAttempts();
                return StandInTimings.deliveries(List.of());
            } else if (match(m, "GET /_standin/requests") != null) {
                return StandInTimings.requests(timeline.entries(), p.get("method"), p.get("path_prefix"));
            } else if (match(m, "DELETE /_standin/requests") != null) {
                timeline.clear();
                return StandInTimings.requests(List.of(), null, null);
            } else {
                throw new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + m + ").", null);
            }
        }
    }

    private static Matcher match(String request, String template) {
        Matcher matcher = Pattern.compile(Pattern.quote(template).replace("{}", "\\E([A-Za-z0-9_]+)\\Q")).matcher(request);
        return matcher.matches() ? matcher : null;
    }

    private static List<ObjectNode> limit(List<ObjectNode> items, FormParams p) {
        int limit = p.get("limit") == null ? 10 : Integer.parseInt(p.get("limit"));
        return items.subList(0, Math.min(limit, items.size()));
    }

    private ObjectNode events(FormParams p) {
        List<ObjectNode> all = new ArrayList<>(ledger.events());
        Collections.reverse(all);
        long gte = p.child("created").get("gte") == null ? 0L : Long.parseLong(p.child("created").get("gte"));
        String after = p.get("starting_after");
        List<ObjectNode> selected = new ArrayList<>();
        boolean started = after == null;
        for (ObjectNode e : all) {
            if (!started) {
                started = e.get("id").asText().equals(after);
            } else {
                boolean undelivered = !delivered.getOrDefault(e.get("id").asText(), false);
                if (e.get("created").asLong() >= gte
                    && (!"false".equals(p.get("delivery_success")) || undelivered)
                    && (p.get("type") == null || p.get("type").equals(e.get("type").asText()))) {
                    selected.add(e);
                }
            }
        }
        int limit = p.get("limit") == null ? 10 : Integer.parseInt(p.get("limit"));
        ObjectNode page = list(selected.subList(0, Math.min(limit, selected.size())), "/v1/events");
        page.put("has_more", selected.size() > limit);
        return page;
    }

    private static ObjectNode list(List<ObjectNode> items, String url) {
        ObjectNode page = StripeLedger.JSON.createObjectNode();
        page.put("object", "list");
        page.put("url", url);
        page.put("has_more", false);
        ArrayNode data = page.putArray("data");
        items.forEach(i -> data.add(StripeLedger.visible(i)));
        return page;
    }

    @Override
    public void close() {
        server.stop(0);
        delivery.close();
        ((ExecutorService)server.getExecutor()).shutdownNow();
    }

    public record RecordedRequest(String method, String path, String idempotencyKey, boolean replayed, int status) { }

    private record StoredAnswer(String fingerprint, int status, String body) { }
}

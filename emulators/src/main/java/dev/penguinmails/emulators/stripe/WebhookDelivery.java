package dev.penguinmails.emulators.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events to the webhook endpoint one at a time, in order, signed as Stripe signs them
 * ({@code Stripe-Signature: t=<seconds>,v1=<HMAC-SHA256 of "t.payload">}), and reports whether each was accepted.
 * It keeps every attempt's status and latency, so that the local stack can measure the webhook endpoint.
 */
final class WebhookDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5L)).build();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stripe-standin-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final Recorded<Attempt> attempts = new Recorded<>();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private volatile String url;
    private volatile String secret;

    void configure(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    boolean configured() {
        return url != null;
    }

    void deliver(String eventId, String payload, BiConsumer<String, Boolean> outcome) {
        String target = url;
        String key = secret;
        // Concurrent API requests each hand over the events made since they started, so those ranges overlap; an event
        // goes out once, as Stripe sends it to an endpoint once unless the endpoint fails.
        if (target != null && sent.add(eventId)) {
            worker.execute(() -> {
                boolean ok = false;
                int status = 0;
                long sentAt = RequestTimeline.epochNanos();
                long started = System.nanoTime();
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10L))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Stripe-Signature", signatureHeader(payload, key, System.currentTimeMillis() / 1000L))
                        .POST(BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
                    // The clock covers the POST and its answer only, not the signing.
                    sentAt = RequestTimeline.epochNanos();
                    started = System.nanoTime();
                    HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
                    status = response.statusCode();
                    ok = status / 100 == 2;
                    if (!ok) {
                        LOG.warn("Webhook endpoint {} answered {} to {}: {}", target, response.statusCode(), eventId, response.body());
                    }
                } catch (Exception e) {
                    LOG.warn("Webhook endpoint {} failed for {}: {}", target, eventId, e.toString());
                }
                attempts.add(new Attempt(eventId, status, sentAt, System.nanoTime() - started));
                outcome.accept(eventId, ok);
            });
        }
    }

    /** Every delivery attempt since the start or the last {@link #clearAttempts}, oldest first. */
    List<Attempt> attempts() {
        return attempts.all();
    }

    void clearAttempts() {
        attempts.clear();
    }

    static String signatureHeader(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /**
     * One POST of an event to the webhook endpoint: the HTTP status it answered (0 when it did not answer), when it
     * was sent (epoch nanoseconds) and how long the answer took.
     */
    record Attempt(String eventId, int status, long sentAt, long latencyNanos) { }
}

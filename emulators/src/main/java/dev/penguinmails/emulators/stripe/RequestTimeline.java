package dev.penguinmails.emulators.stripe;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/**
 * When each Stripe API request ({@code /v1/...}) reached the stand-in and when it was answered, so that the local
 * stack can tell how fast a client works through its calls (billing re-reads an object for every event it processes).
 */
final class RequestTimeline extends Filter {
    /** Epoch nanoseconds at start-up, so that times are wall-clock times with {@link System#nanoTime}'s steadiness. */
    private static final long EPOCH_AT_START = System.currentTimeMillis() * 1_000_000L;
    private static final long NANOS_AT_START = System.nanoTime();
    private final Recorded<Entry> entries = new Recorded<>();

    /** Now, in nanoseconds since the epoch. */
    static long epochNanos() {
        return EPOCH_AT_START + (System.nanoTime() - NANOS_AT_START);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String path = exchange.getRequestURI().getPath();
        long received = epochNanos();
        try {
            chain.doFilter(exchange);
        } finally {
            if (path.startsWith("/v1/")) {
                entries.add(new Entry(exchange.getRequestMethod(), path, exchange.getResponseCode(), received, epochNanos()));
            }
        }
    }

    @Override
    public String description() {
        return "Records when each Stripe API request arrived and was answered";
    }

    /** Every API request since the start or the last {@link #clear}, in the order they were answered. */
    List<Entry> entries() {
        return entries.all();
    }

    void clear() {
        entries.clear();
    }

    /** One API request: its status (-1 when none was sent) and when it arrived and was answered (epoch nanoseconds). */
    record Entry(String method, String path, int status, long receivedAt, long answeredAt) { }
}

package dev.penguinmails.emulators.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The answers of the stand-in's timing endpoints ({@code /_standin/webhook-deliveries}, {@code /_standin/requests}),
 * for load tests of the local stack. Times are epoch milliseconds, with microseconds as the fraction.
 */
final class StandInTimings {
    private static final double[] PERCENTILES = {50, 90, 95, 99};

    private StandInTimings() { }

    /** Every webhook delivery attempt: statuses counted, latency percentiles and each attempt. */
    static ObjectNode deliveries(List<WebhookDelivery.Attempt> attempts) {
        ObjectNode answer = StripeLedger.JSON.createObjectNode();
        answer.put("count", attempts.size());
        answer.set("statuses", counted(attempts, a -> Integer.toString(a.status())));
        answer.set("latency_ms", summary(attempts.stream().map(WebhookDelivery.Attempt::latencyNanos).toList()));
        if (!attempts.isEmpty()) {
            answer.put("first_sent_at", millis(attempts.get(0).sentAt()));
            WebhookDelivery.Attempt last = attempts.get(attempts.size() - 1);
            answer.put("last_answered_at", millis(last.sentAt() + last.latencyNanos()));
        }
        ArrayNode each = answer.putArray("deliveries");
        for (WebhookDelivery.Attempt a : attempts) {
            each.addObject().put("event", a.eventId()).put("status", a.status()).put("sent_at", millis(a.sentAt()))
                .put("latency_ms", a.latencyNanos() / 1e6);
        }
        return answer;
    }

    /**
     * The API requests with {@code method} (any when null) whose path starts with {@code pathPrefix} (any when
     * null): how many, their statuses, when the first and last were answered, and the rate between those two.
     */
    static ObjectNode requests(List<RequestTimeline.Entry> entries, String method, String pathPrefix) {
        List<RequestTimeline.Entry> selected = entries.stream()
            .filter(e -> method == null || method.equalsIgnoreCase(e.method()))
            .filter(e -> pathPrefix == null || e.path().startsWith(pathPrefix))
            .toList();
        ObjectNode answer = StripeLedger.JSON.createObjectNode();
        answer.put("count", selected.size());
        answer.set("statuses", counted(selected, e -> Integer.toString(e.status())));
        answer.set("latency_ms", summary(selected.stream().map(e -> e.answeredAt() - e.receivedAt()).toList()));
        if (!selected.isEmpty()) {
            long first = selected.get(0).answeredAt();
            long last = selected.get(selected.size() - 1).answeredAt();
            answer.put("first_answered_at", millis(first));
            answer.put("last_answered_at", millis(last));
            if (selected.size() > 1 && last > first) {
                answer.put("per_second", (selected.size() - 1) / ((last - first) / 1e9));
            }
        }
        return answer;
    }

    private static <T> ObjectNode counted(List<T> items, Function<T, String> key) {
        Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        ObjectNode node = StripeLedger.JSON.createObjectNode();
        counts.forEach(node::put);
        return node;
    }

    /** Mean, nearest-rank percentiles and maximum of {@code nanos}, in milliseconds; empty for no values. */
    static ObjectNode summary(List<Long> nanos) {
        ObjectNode node = StripeLedger.JSON.createObjectNode();
        if (!nanos.isEmpty()) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            node.put("mean", Arrays.stream(sorted).average().orElse(0) / 1e6);
            for (double p : PERCENTILES) {
                int rank = (int)Math.ceil(p / 100.0 * sorted.length);
                node.put("p" + (int)p, sorted[Math.max(0, rank - 1)] / 1e6);
            }
            node.put("max", sorted[sorted.length - 1] / 1e6);
        }
        return node;
    }

    private static double millis(long epochNanos) {
        return Math.round(epochNanos / 1_000.0) / 1_000.0;
    }
}

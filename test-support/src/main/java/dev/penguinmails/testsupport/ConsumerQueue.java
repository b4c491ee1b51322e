package dev.penguinmails.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What reached a consumer's queue, counted by event id: the check that an event arrived exactly once.
 * Takes every message off the queue, until a one-second wait brings nothing more.
 */
public final class ConsumerQueue {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsumerQueue() { }

    /** One EventBridge event as it reached the queue. */
    public record Arrival(String eventId, String detailType) { }

    /** Event id → how many messages carried it, for the EventBridge events waiting on {@code queueUrl}. */
    public static Map<String, Integer> countByEventId(SqsClient sqs, String queueUrl) {
        Map<String, Integer> counts = new TreeMap<>();
        takeAll(sqs, queueUrl).forEach(a -> counts.merge(a.eventId(), 1, Integer::sum));
        return counts;
    }

    /** Every EventBridge event waiting on {@code queueUrl}, taken off the queue. */
    public static List<Arrival> takeAll(SqsClient sqs, String queueUrl) {
        List<Arrival> arrivals = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message m : batch) {
                arrivals.add(arrival(m.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return arrivals;
    }

    private static Arrival arrival(String body) {
        try {
            JsonNode event = JSON.readTree(body);
            return new Arrival(event.path("detail").path("eventId").asText(), event.path("detail-type").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("not an EventBridge event: " + body, e);
        }
    }
}

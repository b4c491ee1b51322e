package dev.penguinmails.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Event id → how many messages carried it, for the EventBridge events waiting on {@code queueUrl}. */
    public static Map<String, Integer> countByEventId(SqsClient sqs, String queueUrl) {
        Map<String, Integer> counts = new TreeMap<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message m : batch) {
                counts.merge(eventId(m.body()), 1, Integer::sum);
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return counts;
    }

    private static String eventId(String body) {
        try {
            JsonNode event = JSON.readTree(body);
            return event.path("detail").path("eventId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("not an EventBridge event: " + body, e);
        }
    }
}

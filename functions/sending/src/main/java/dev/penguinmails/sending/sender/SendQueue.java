package dev.penguinmails.sending.sender;

import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queue {@code sending-sends}: send tasks, each held back up to SQS's 15 minutes (the gap between sends, a retry). */
@Singleton
public class SendQueue {
    /** SQS delays a message at most this long. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** SQS takes at most ten messages a batch. */
    static final int BATCH = 10;

    // A provider: most of sending's entry points never queue a send, so none builds the SQS client while it starts.
    private final BeanProvider<SqsClient> sqs;
    private final JsonMapper json;
    private final String queueUrl;

    SendQueue(BeanProvider<SqsClient> sqs, JsonMapper json,
              @Value("${penguinmails.queues." + PenguinMailsTopology.SENDING_SENDS + ":}") String queueUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
    }

    public void enqueue(SendTask task, Duration delay) {
        sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body(task)).delaySeconds(seconds(delay)));
    }

    /** A send task and how long SQS holds it back. */
    public record Delayed(SendTask task, Duration delay) { }

    /**
     * Enqueues {@code tasks} ten to a {@code SendMessageBatch} call (the scheduler tick's path); an entry SQS refuses
     * is tried once more in the next call. Returns the indexes of the tasks SQS accepted: the others were not queued.
     */
    public Set<Integer> enqueueAll(List<Delayed> tasks) {
        Set<Integer> accepted = new HashSet<>();
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            left.add(i);
        }
        for (int attempt = 1; attempt <= 2 && !left.isEmpty(); attempt++) {
            List<Integer> refused = new ArrayList<>();
            for (int from = 0; from < left.size(); from += BATCH) {
                List<Integer> chunk = left.subList(from, Math.min(left.size(), from + BATCH));
                List<SendMessageBatchRequestEntry> entries = chunk.stream().map(i -> SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).messageBody(body(tasks.get(i).task()))
                        .delaySeconds(seconds(tasks.get(i).delay())).build()).toList();
                try {
                    SendMessageBatchResponse response = sqs.get().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                    response.successful().forEach(ok -> accepted.add(Integer.valueOf(ok.id())));
                    response.failed().forEach(failed -> refused.add(Integer.valueOf(failed.id())));
                } catch (SdkException e) {
                    // The whole call failed (the SDK retried it already): its entries stay unqueued this time.
                    refused.addAll(chunk);
                }
            }
            left = refused;
        }
        return accepted;
    }

    private String body(SendTask task) {
        try {
            return new String(json.writeValueAsBytes(task), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int seconds(Duration delay) {
        return (int) Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
    }
}

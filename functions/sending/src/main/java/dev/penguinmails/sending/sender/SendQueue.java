package dev.penguinmails.sending.sender;

import dev.penguinmails.topology.PenguinMailsTopology;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Queue {@code sending-sends}: send tasks, each held back up to SQS's 15 minutes (the gap between sends, a retry). */
@Singleton
public class SendQueue {
    /** SQS delays a message at most this long. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final JsonMapper json;
    private final String queueUrl;

    SendQueue(SqsClient sqs, JsonMapper json, @Value("${penguinmails.queues." + PenguinMailsTopology.SENDING_SENDS + ":}") String queueUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
    }

    public void enqueue(SendTask task, Duration delay) {
        String body;
        try {
            body = new String(json.writeValueAsBytes(task), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int seconds = (int) Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body).delaySeconds(seconds));
    }
}

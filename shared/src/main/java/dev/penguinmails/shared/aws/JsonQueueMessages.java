package dev.penguinmails.shared.aws;

import io.micronaut.context.BeanProvider;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends a {@code @Serdeable} record as a JSON message to a work queue (a job's next slice, say). The SQS client is
 * built on the first send, not while a function that may never send starts.
 */
@Singleton
public class JsonQueueMessages {
    private final BeanProvider<SqsClient> sqs;
    private final JsonMapper json;

    public JsonQueueMessages(BeanProvider<SqsClient> sqs, JsonMapper json) {
        this.sqs = sqs;
        this.json = json;
    }

    public void send(String queueUrl, Object message) {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }
}

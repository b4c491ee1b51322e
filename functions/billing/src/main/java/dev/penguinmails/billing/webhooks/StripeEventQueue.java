package dev.penguinmails.billing.webhooks;

import dev.penguinmails.topology.PenguinMailsTopology;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Queues verified Stripe events on the FIFO queue, grouped by customer and deduplicated by event id.
 */
@Singleton
public class StripeEventQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonMapper json;

    StripeEventQueue(SqsClient sqs, JsonMapper json, @Property(name = "penguinmails.queues.billing-stripe-events") String queueUrl) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = queueUrl;
    }

    public void enqueue(StripeEventNotice notice) {
        String body;
        try {
            body = json.writeValueAsString(notice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageGroupId(notice.messageGroup()).messageDeduplicationId(notice.id()));
    }

    static String configKey() {
        return ConfigKeys.queueUrl(PenguinMailsTopology.BILLING_STRIPE_EVENTS);
    }
}

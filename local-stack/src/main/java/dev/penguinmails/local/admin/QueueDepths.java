package dev.penguinmails.local.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Reads how many messages wait in each queue and its DLQ. */
public final class QueueDepths {
    private final SqsClient sqs;
    private final Map<String, String> queueUrls;
    private final Map<String, String> deadLetterQueueUrls;

    /** @param queueUrls queue URL by logical name; {@code deadLetterQueueUrls} by the logical name of the queue served */
    public QueueDepths(SqsClient sqs, Map<String, String> queueUrls, Map<String, String> deadLetterQueueUrls) {
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.deadLetterQueueUrls = deadLetterQueueUrls;
    }

    /** Messages visible, in flight (received, not yet deleted) and delayed. */
    public record Depth(String url, int visible, int inFlight, int delayed) { }

    /** One queue's depth and its DLQ's. */
    public record QueueDepth(String name, Depth queue, Depth deadLetterQueue) { }

    public List<QueueDepth> read() {
        List<QueueDepth> depths = new ArrayList<>();
        queueUrls.keySet().stream().sorted().forEach(name -> {
            String dlq = deadLetterQueueUrls.get(name);
            depths.add(new QueueDepth(name, depth(queueUrls.get(name)), dlq == null ? null : depth(dlq)));
        });
        return depths;
    }

    private Depth depth(String url) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return new Depth(url, count(a, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(a, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                count(a, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Integer.parseInt(value);
    }
}

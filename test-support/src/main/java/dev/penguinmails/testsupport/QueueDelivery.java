package dev.penguinmails.testsupport;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Hands what waits on a queue to an SQS handler as Lambda's event source mapping would (batches of up to ten, with
 * their system attributes), deleting what the handler did not report failed.
 */
public final class QueueDelivery {
    private QueueDelivery() { }

    /** Delivers every message waiting on {@code queueUrl} to {@code handler}; answers the failures it reported. */
    public static List<String> drain(SqsClient sqs, String queueUrl, Function<SQSEvent, SQSBatchResponse> handler) {
        List<String> failed = new java.util.ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (messages.isEmpty()) {
                return failed;
            }
            SQSBatchResponse response = handler.apply(sqsEvent(messages));
            List<String> failures = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
            failed.addAll(failures);
            messages.stream().filter(m -> !failures.contains(m.messageId()))
                    .forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            if (!failures.isEmpty()) {
                return failed;
            }
        }
    }

    /** The messages as Lambda's SQS event source hands them over. */
    public static SQSEvent sqsEvent(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            Map<String, String> attributes = new HashMap<>();
            m.attributesAsStrings().forEach(attributes::put);
            record.setAttributes(attributes);
            record.setEventSource("aws:sqs");
            return record;
        }).toList());
        return event;
    }
}

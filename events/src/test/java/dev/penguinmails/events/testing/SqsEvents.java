package dev.penguinmails.events.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/** Builds the SQSEvent Lambda's event source mapping hands a handler. */
public final class SqsEvents {
    private SqsEvents() { }

    public static SQSEvent of(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(SqsEvents::record).toList());
        return event;
    }

    public static SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        Map<String, String> attributes = new HashMap<>();
        message.attributesAsStrings().forEach(attributes::put);
        record.setAttributes(attributes);
        record.setEventSource("aws:sqs");
        return record;
    }

    /** A record with the given id and body, as if SQS had delivered it. */
    public static SQSEvent.SQSMessage record(String messageId, String body) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(messageId);
        record.setBody(body);
        record.setAttributes(new HashMap<>(Map.of("ApproximateReceiveCount", "1")));
        record.setEventSource("aws:sqs");
        return record;
    }

    public static SQSEvent ofRecords(List<SQSEvent.SQSMessage> records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}

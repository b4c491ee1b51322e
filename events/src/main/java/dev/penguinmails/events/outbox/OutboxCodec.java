package dev.penguinmails.events.outbox;

import dev.penguinmails.events.publish.EncodedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An {@link OutboxEntry} as one DynamoDB map attribute, and back. */
final class OutboxCodec {
    private OutboxCodec() { }

    static AttributeValue toAttribute(OutboxEntry entry) {
        return AttributeValue.fromM(Map.of(
                "id", AttributeValue.fromS(entry.id()),
                "createdAt", AttributeValue.fromS(entry.createdAt().toString()),
                "events", AttributeValue.fromL(entry.events().stream().map(OutboxCodec::event).toList()),
                "puts", AttributeValue.fromL(entry.puts().stream().map(AttributeValue::fromM).toList())));
    }

    static OutboxEntry fromAttribute(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        List<EncodedEvent> events = m.get("events").l().stream().map(OutboxCodec::event).toList();
        List<Map<String, AttributeValue>> puts = m.get("puts").l().stream().map(AttributeValue::m).toList();
        return new OutboxEntry(m.get("id").s(), Instant.parse(m.get("createdAt").s()), events, puts);
    }

    private static AttributeValue event(EncodedEvent event) {
        return AttributeValue.fromM(Map.of(
                "eventId", AttributeValue.fromS(event.eventId()),
                "source", AttributeValue.fromS(event.source()),
                "detailType", AttributeValue.fromS(event.detailType()),
                "detail", AttributeValue.fromS(event.detail()),
                "time", AttributeValue.fromS(event.time().toString())));
    }

    private static EncodedEvent event(AttributeValue value) {
        Map<String, AttributeValue> m = value.m();
        return new EncodedEvent(m.get("eventId").s(), m.get("source").s(), m.get("detailType").s(),
                m.get("detail").s(), Instant.parse(m.get("time").s()));
    }
}

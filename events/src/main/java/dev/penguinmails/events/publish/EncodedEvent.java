package dev.penguinmails.events.publish;

import java.time.Instant;
import java.util.Objects;

/**
 * An event already turned into its EventBridge fields and checked against its schema: what an outbox
 * keeps until the event is published, so the relay needs neither the payload class nor the codec.
 */
public record EncodedEvent(String eventId, String source, String detailType, String detail, Instant time) {
    public EncodedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(time, "time");
    }
}

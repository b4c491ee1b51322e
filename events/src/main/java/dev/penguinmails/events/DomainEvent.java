package dev.penguinmails.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A domain event as producers create it and consumers receive it: the envelope of its EventBridge
 * {@code detail} ({@code eventId}, {@code workspaceId}, {@code occurredAt}; {@code schemaVersion}
 * comes from the type) and its typed payload.
 *
 * @param eventId    time-sortable and unique; consumers de-duplicate on it, so a producer that
 *                   re-publishes the same fact must reuse it
 * @param occurredAt when it happened, kept to the millisecond (the precision the detail carries)
 */
public record DomainEvent<P extends Record>(EventType<P> type, String eventId, String workspaceId, Instant occurredAt, P payload) {

    public DomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (!EventIds.isValid(eventId)) {
            throw new IllegalArgumentException("eventId must look like evt_<ULID>: " + eventId);
        }
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new IllegalArgumentException("workspaceId is required for " + type.detailType());
        }
        if (!type.payloadClass().isInstance(payload)) {
            throw new IllegalArgumentException(type.detailType() + " carries " + type.payloadClass().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new event with a fresh id that occurred now. */
    public static <P extends Record> DomainEvent<P> create(EventType<P> type, String workspaceId, P payload) {
        return new DomainEvent<>(type, EventIds.next(), workspaceId, Instant.now(), payload);
    }

    /** A new event with a fresh id, its type found from the payload's class. */
    @SuppressWarnings("unchecked")
    public static <P extends Record> DomainEvent<P> create(String workspaceId, P payload) {
        return create(EventTypes.forPayload((Class<P>) payload.getClass()), workspaceId, payload);
    }
}

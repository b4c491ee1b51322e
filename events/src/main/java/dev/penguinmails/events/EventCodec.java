package dev.penguinmails.events;

import dev.penguinmails.events.schema.SchemaValidator;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire format of events. A {@link DomainEvent} becomes a flat EventBridge {@code detail}
 * ({@code schemaVersion}, {@code eventId}, {@code workspaceId}, {@code occurredAt}, then the payload
 * fields), and an EventBridge event (as SQS delivers it) becomes a {@link DomainEvent} again. Both
 * directions check the detail against the type's JSON Schema.
 */
@Singleton
public class EventCodec {
    private final ObjectMapper json;
    private final SchemaValidator schemas;

    public EventCodec(ObjectMapper json, SchemaValidator schemas) {
        this.json = json;
        this.schemas = schemas;
    }

    /** The {@code detail} JSON of {@code event}; throws {@link InvalidEventException} if it breaks the schema. */
    public String toDetail(DomainEvent<?> event) {
        Map<String, JsonNode> detail = new LinkedHashMap<>();
        detail.put("schemaVersion", JsonNode.createNumberNode(event.type().schemaVersion()));
        detail.put("eventId", JsonNode.createStringNode(event.eventId()));
        detail.put("workspaceId", JsonNode.createStringNode(event.workspaceId()));
        detail.put("occurredAt", JsonNode.createStringNode(event.occurredAt().toString()));
        String text;
        try {
            JsonNode payload = json.writeValueToTree(event.payload());
            payload.entries().forEach(e -> detail.put(e.getKey(), e.getValue()));
            text = json.writeValueAsString(JsonNode.createObjectNode(detail));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + event.type().detailType() + " " + event.eventId(), e);
        }
        schemas.validate(event.type(), text);
        return text;
    }

    /**
     * The domain event inside an EventBridge event JSON ({@code version}, {@code id}, {@code detail-type},
     * {@code source}, {@code detail}, ...), as a rule delivers it to an SQS queue.
     *
     * @throws InvalidEventException if it is not JSON, its type is unknown, its source may not publish
     *                               that type, or its detail breaks the schema
     */
    public DomainEvent<?> fromEventBridge(String eventJson) {
        return decode(parse(eventJson));
    }

    /**
     * The routing fields and the raw detail of an EventBridge event JSON, before the detail is checked,
     * so that a consumer can set aside types it does not handle without judging their content.
     *
     * @throws InvalidEventException if it is not a JSON object with string {@code detail-type} and {@code source}
     */
    public Envelope parse(String eventJson) {
        JsonNode event;
        try {
            event = json.readValue(eventJson, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("message body is not JSON", e);
        }
        if (event == null || !event.isObject()) {
            throw new InvalidEventException("message body is not an EventBridge event object");
        }
        return new Envelope(text(event, "detail-type"), text(event, "source"), event.get("detail"));
    }

    /**
     * The domain event {@code envelope} carries, its type looked up in {@link EventTypes}.
     *
     * @throws InvalidEventException if its type is unknown, its source may not publish that type, or its
     *                               detail breaks the schema
     */
    public DomainEvent<?> decode(Envelope envelope) {
        EventType<?> type = envelope.type()
                .orElseThrow(() -> new InvalidEventException("unknown detail-type '" + envelope.detailType() + "'"));
        return decode(envelope, type);
    }

    /**
     * The domain event {@code envelope} carries, read as {@code type} (which need not be in
     * {@link EventTypes}: a consumer may declare the types it reads; their schemas must be on the classpath).
     *
     * @throws InvalidEventException if the envelope is of another type, its source may not publish
     *                               {@code type}, or its detail breaks the schema
     */
    public <P extends Record> DomainEvent<P> decode(Envelope envelope, EventType<P> type) {
        if (!type.detailType().equals(envelope.detailType())) {
            throw new InvalidEventException("expected " + type.detailType() + ", got " + envelope.detailType());
        }
        if (!type.source().equals(envelope.source())) {
            throw new InvalidEventException(type.detailType() + " must come from " + type.source() + ", not " + envelope.source());
        }
        JsonNode detail = envelope.detail();
        if (detail == null || !detail.isObject()) {
            throw new InvalidEventException(type.detailType() + " event has no detail object");
        }
        try {
            schemas.validate(type, json.writeValueAsString(detail));
        } catch (IOException e) {
            throw new InvalidEventException("cannot read the detail of " + type.detailType(), e);
        }
        return decode(type, detail);
    }

    private <P extends Record> DomainEvent<P> decode(EventType<P> type, JsonNode detail) {
        Map<String, JsonNode> payload = new LinkedHashMap<>();
        detail.entries().forEach(e -> {
            if (!EventType.ENVELOPE_FIELDS.contains(e.getKey())) {
                payload.put(e.getKey(), e.getValue());
            }
        });
        try {
            P body = json.readValueFromTree(JsonNode.createObjectNode(payload), type.payloadClass());
            return new DomainEvent<>(type, text(detail, "eventId"), text(detail, "workspaceId"),
                    Instant.parse(text(detail, "occurredAt")), body);
        } catch (IOException | DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("cannot read the " + type.detailType() + " payload", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new InvalidEventException("field '" + field + "' is missing or not a string");
        }
        return value.getStringValue();
    }

    /** An EventBridge event's routing fields and its detail, not yet checked against the schema. */
    public record Envelope(String detailType, String source, JsonNode detail) {
        /** The registered type of this detail-type, if any. */
        public Optional<EventType<?>> type() {
            return EventTypes.byDetailType(detailType);
        }
    }
}

package dev.penguinmails.identity.accounts;

import dev.penguinmails.events.DomainEvent;
import dev.penguinmails.events.EventCodec;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.EventTypes;
import dev.penguinmails.events.InvalidEventException;
import dev.penguinmails.events.schema.SchemaValidator;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Events' codec, also able to read the identity event types that {@link EventTypeSource} beans declare
 * and events' registry does not list yet. Writing needs nothing extra (the codec writes any type whose
 * schema is on the classpath); reading is where the registry is consulted, so this is the one bridge.
 */
@Singleton
@Replaces(EventCodec.class)
public class IdentityEventCodec extends EventCodec {
    private final ObjectMapper json;
    private final SchemaValidator schemas;
    private final Map<String, EventType<?>> extra = new LinkedHashMap<>();

    public IdentityEventCodec(ObjectMapper json, SchemaValidator schemas, List<EventTypeSource> sources) {
        super(json, schemas);
        this.json = json;
        this.schemas = schemas;
        sources.forEach(source -> source.eventTypes().forEach(t -> extra.put(t.detailType(), t)));
    }

    /** Every identity event type, registered or declared here. */
    public List<EventType<?>> identityTypes() {
        List<EventType<?>> all = new java.util.ArrayList<>(EventTypes.all().stream()
                .filter(t -> t.source().equals(AccountEvents.SOURCE)).toList());
        extra.values().stream().filter(t -> !all.contains(t)).forEach(all::add);
        return all;
    }

    /** The type published as {@code detailType}, from the registry or the declared extras. */
    public Optional<EventType<?>> typeOf(String detailType) {
        return EventTypes.byDetailType(detailType).or(() -> Optional.ofNullable(extra.get(detailType)));
    }

    @Override
    public DomainEvent<?> decode(Envelope envelope) {
        EventType<?> type = extra.get(envelope.detailType());
        if (type == null || envelope.type().isPresent()) {
            return super.decode(envelope);
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
}

package dev.penguinmails.events.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.penguinmails.events.EventType;
import dev.penguinmails.events.InvalidEventException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an event's {@code detail} against its JSON Schema (draft 2020-12) from
 * {@code classpath:schemas/<detail-type>.json}. Formats such as {@code email} and {@code date-time}
 * are asserted, not merely annotated.
 */
@Singleton
public class SchemaValidator {

    /** The {@code $id} prefix of every event schema; it maps to {@code classpath:schemas/}. */
    public static final String SCHEMA_BASE = "https://penguinmails.dev/schemas/events/";

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public SchemaValidator() {
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                // Schemas $ref each other by $id; resolve those from the jar, never from the network.
                .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
        // Schemas load on first use: EventContractsTest already proves at build time that every registered
        // type's schema loads and validates, so loading all of them here would only lengthen cold starts.
    }

    /** Every violation of {@code type}'s schema by {@code detailJson}; empty when it conforms. */
    public List<String> violations(EventType<?> type, String detailJson) {
        List<Error> errors;
        try {
            errors = schema(type).validate(detailJson, InputFormat.JSON);
        } catch (RuntimeException e) {
            return List.of("detail is not valid JSON: " + e.getMessage());
        }
        return errors.stream().map(SchemaValidator::describe).toList();
    }

    /** Throws {@link InvalidEventException} listing the violations unless {@code detailJson} conforms. */
    public void validate(EventType<?> type, String detailJson) {
        List<String> violations = violations(type, detailJson);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.detailType() + " detail breaks its schema", violations);
        }
    }

    /**
     * Loads the validator and the envelope schema every event schema refers to, and checks one well-formed
     * envelope: what the first publish would otherwise spend on it. Returns the violations (none expected).
     */
    public List<String> primeEnvelope() {
        Schema envelope = registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "envelope.json"));
        String detail = "{\"schemaVersion\":1,\"eventId\":\"evt_01J00000000000000000000000\","
                + "\"workspaceId\":\"ws_01J00000000000000000000000\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
        return envelope.validate(detail, InputFormat.JSON).stream().map(SchemaValidator::describe).toList();
    }

    private Schema schema(EventType<?> type) {
        return schemas.computeIfAbsent(type.detailType(), detailType -> {
            try {
                return registry.getSchema(SchemaLocation.of(SCHEMA_BASE + detailType + ".json"));
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot load JSON Schema classpath:" + type.schemaResource(), e);
            }
        });
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation().toString();
        return (location.isEmpty() ? "$" : location) + ": " + error.getMessage();
    }
}

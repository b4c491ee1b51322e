package dev.penguinmails.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.events.schema.SchemaValidator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered event type keeps its contract: a strict schema that names exactly its payload's
 * fields, and a real sample ({@code src/test/resources/events/<detail-type>.json}, an EventBridge event as
 * SQS delivers it) that the schema accepts, that reads into the payload record, and that the record writes
 * back byte for byte, so a change to a payload's JSON shape cannot slip through unnoticed.
 */
class EventContractsTest {
    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final SchemaValidator SCHEMAS = new SchemaValidator();
    private static final EventCodec CODEC = new EventCodec(JSON, SCHEMAS);

    @Test
    void everyRegisteredTypeHasASchemaAndASample() {
        assertThat(EventTypes.all()).isNotEmpty();
        for (EventType<?> type : EventTypes.all()) {
            assertThat(resource(type.schemaResource())).as("schema of %s", type.detailType()).isNotNull();
            assertThat(resource("events/" + type.detailType() + ".json")).as("sample of %s", type.detailType()).isNotNull();
        }
    }

    @TestFactory
    Stream<DynamicTest> schemasAreStrictAndNameExactlyThePayloadFields() {
        return EventTypes.all().stream().map(type -> DynamicTest.dynamicTest(type.detailType(), () -> {
            JsonNode schema = read(type.schemaResource());
            assertThat(text(schema, "$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(text(schema, "$id")).isEqualTo(SchemaValidator.SCHEMA_BASE + type.detailType() + ".json");
            assertThat(text(schema, "$ref")).isEqualTo("envelope.json");
            assertThat(schema.get("unevaluatedProperties").getBooleanValue()).as("unevaluatedProperties").isFalse();
            JsonNode properties = schema.get("properties");
            assertThat(properties.get("schemaVersion").get("const").getIntValue()).isEqualTo(type.schemaVersion());

            Set<String> declared = new TreeSet<>(keys(properties));
            declared.remove("schemaVersion");
            List<RecordComponent> components = Arrays.asList(type.payloadClass().getRecordComponents());
            assertThat(declared).as("schema properties of %s", type.detailType())
                    .isEqualTo(new TreeSet<>(components.stream().map(RecordComponent::getName).toList()));
            // A field may be left out only if the record says it may be null.
            assertThat(new TreeSet<>(strings(schema.get("required")))).as("required fields of %s", type.detailType())
                    .isEqualTo(new TreeSet<>(components.stream()
                            .filter(c -> !nullable(c))
                            .map(RecordComponent::getName).toList()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> theSampleValidatesAndItsPayloadWritesItBackUnchanged() {
        return EventTypes.all().stream().map(type -> DynamicTest.dynamicTest(type.detailType(), () -> {
            String sample = Fixtures.eventBridgeJson(type.detailType());
            JsonNode detail = JSON.readValue(sample, JsonNode.class).get("detail");

            DomainEvent<?> event = CODEC.fromEventBridge(sample);

            assertThat(event.type()).isSameAs(type);
            assertThat(event.payload()).isInstanceOf(type.payloadClass());
            // toDetail validates what the record writes, and the sample pins its exact shape and field order.
            assertThat(CODEC.toDetail(event)).isEqualTo(JSON.writeValueAsString(detail));
        }));
    }

    @TestFactory
    Stream<DynamicTest> aDetailMissingARequiredFieldFails() {
        return EventTypes.all().stream().map(type -> DynamicTest.dynamicTest(type.detailType(), () -> {
            JsonNode detail = JSON.readValue(Fixtures.eventBridgeJson(type.detailType()), JsonNode.class).get("detail");
            List<String> required = strings(read(type.schemaResource()).get("required"));
            assertThat(required).isNotEmpty();
            for (String field : required) {
                assertThat(SCHEMAS.violations(type, JSON.writeValueAsString(without(detail, field))))
                        .as("%s without %s", type.detailType(), field)
                        .anySatisfy(v -> assertThat(v).contains(field));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aDetailWithAFieldTheContractDoesNotNameFails() {
        return EventTypes.all().stream().map(type -> DynamicTest.dynamicTest(type.detailType(), () -> {
            JsonNode detail = JSON.readValue(Fixtures.eventBridgeJson(type.detailType()), JsonNode.class).get("detail");
            Map<String, JsonNode> fields = entries(detail);
            fields.put("token", JsonNode.createStringNode("secret"));
            assertThat(SCHEMAS.violations(type, JSON.writeValueAsString(JsonNode.createObjectNode(fields))))
                    .anySatisfy(v -> assertThat(v).contains("token"));
        }));
    }

    private static boolean nullable(RecordComponent component) {
        // Where javac puts the annotation depends on its targets: the accessor, or the type use.
        return component.isAnnotationPresent(Nullable.class) || component.getAccessor().isAnnotationPresent(Nullable.class)
                || component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    private static JsonNode without(JsonNode object, String field) {
        Map<String, JsonNode> fields = entries(object);
        assertThat(fields.remove(field)).as("sample has %s", field).isNotNull();
        return JsonNode.createObjectNode(fields);
    }

    private static Map<String, JsonNode> entries(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    private static List<String> keys(JsonNode object) {
        return new ArrayList<>(entries(object).keySet());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(v -> values.add(v.getStringValue()));
        return values;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null ? null : value.getStringValue();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = resource(resource).openStream()) {
            return JSON.readValue(in.readAllBytes(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String name) {
        return EventContractsTest.class.getClassLoader().getResource(name);
    }
}

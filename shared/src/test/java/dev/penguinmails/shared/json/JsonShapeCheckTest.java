package dev.penguinmails.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.problems.FieldError;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonShapeCheckTest {
    private final JsonNode object = JsonNode.createObjectNode(Map.of("id", JsonNode.createNumberNode(7)));

    @Test
    void aBodyKeptWholeAsTextOrBytesIsNotChecked() {
        assertThat(JsonShapeCheck.problems(object, Argument.of(String.class))).isEmpty();
        assertThat(JsonShapeCheck.problems(object, Argument.of(byte[].class))).isEmpty();
    }

    @Test
    void collectionsMapsAndTimestampsAreHeldToTheirJsonTypes() {
        assertThat(JsonShapeCheck.problems(object, Argument.listOf(String.class)))
                .containsExactly(new FieldError("body", "must be an array"));
        assertThat(JsonShapeCheck.problems(object, Argument.mapOf(String.class, Instant.class)))
                .containsExactly(new FieldError("id", "must be a string"));
        assertThat(JsonShapeCheck.problems(JsonNode.createArrayNode(List.of(JsonNode.createBooleanNode(true), JsonNode.nullNode())),
                Argument.listOf(Integer.class))).containsExactly(new FieldError("[0]", "must be a number"));
    }
}

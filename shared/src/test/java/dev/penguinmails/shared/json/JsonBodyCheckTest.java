package dev.penguinmails.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.penguinmails.shared.problems.FieldError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyCheckTest {
    @Test
    void unpairedSurrogatesAnywhereAreNamedByTheirPath() throws Exception {
        String json = "{\"a\":{\"b\":[\"ok\",\"\\ud800\"]},\"c\":\"\\udfff\\ud800\",\"d\":\"\\ud83d\\udc27\"}";

        assertThat(JsonBodyCheck.problems(json.getBytes(StandardCharsets.UTF_8))).containsExactly(
                new FieldError("a.b[1]", JsonBodyCheck.NOT_UNICODE), new FieldError("c", JsonBodyCheck.NOT_UNICODE));
    }

    @Test
    void duplicateNamesAreFoundPerObjectNotAcrossObjects() throws Exception {
        String json = "{\"a\":{\"x\":1},\"b\":{\"x\":2},\"list\":[{\"y\":1,\"y\":2}]}";

        assertThat(JsonBodyCheck.problems(json.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new FieldError("list[0].y", JsonBodyCheck.DUPLICATE));
    }

    @Test
    void bytesThatAreNotUtf8AreNotJson() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> JsonBodyCheck.problems(latin1)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void wellFormednessIsAboutPairsInOrder() {
        assertThat(JsonBodyCheck.isWellFormed("Pingu \uD83D\uDC27")).isTrue();
        assertThat(JsonBodyCheck.isWellFormed("\uDC27\uD83D")).isFalse();
        assertThat(JsonBodyCheck.isWellFormed("end\uD83D")).isFalse();
    }
}

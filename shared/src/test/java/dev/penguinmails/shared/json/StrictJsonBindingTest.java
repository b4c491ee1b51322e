package dev.penguinmails.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.shared.testing.ConventionsTestController;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies through the Lambda handler: wrong JSON types, duplicate fields and strings that are not
 * well-formed Unicode are 400 problems naming the field, and the controller never runs.
 */
@MicronautTest
@Property(name = ConventionsTestController.ENABLED, value = "true")
class StrictJsonBindingTest {
    @Inject
    EmbeddedServer server;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(server.getURL());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":42,\"quantity\":1}                                   | name          | must be a string",
            "{\"name\":[\"a\"],\"quantity\":1}                              | name          | must be a string",
            "{\"name\":\"a\",\"quantity\":\"5\"}                            | quantity      | must be a number",
            "{\"name\":\"a\",\"quantity\":1,\"tags\":[\"ok\",7]}            | tags[1]       | must be a string",
            "{\"name\":\"a\",\"quantity\":1,\"tags\":\"ok\"}                | tags          | must be an array",
            "{\"name\":\"a\",\"quantity\":1,\"parts\":[{\"code\":true}]}    | parts[0].code | must be a string",
            "{\"name\":\"a\",\"name\":\"b\",\"quantity\":1}                 | name          | appears more than once",
            "{\"name\":\"a\",\"quantity\":1,\"parts\":[{\"code\":\"ab\",\"code\":\"cd\"}]} | parts[0].code | appears more than once",
            "{\"name\":\"\\ud800x\\udfff\",\"quantity\":1}                  | name          | is not well-formed Unicode (it holds an unpaired UTF-16 surrogate)",
            "{\"name\":\"a\",\"quantity\":1,\"tags\":[\"\\udc00\"]}         | tags[0]       | is not well-formed Unicode (it holds an unpaired UTF-16 surrogate)",
            "{\"name\":\"a\",\"quantity\":1,\"x\\ud800\":\"y\"}             | x\\ud800      | is not well-formed Unicode (it holds an unpaired UTF-16 surrogate)",
    })
    void aBodyThatBreaksARuleIs400NamingTheFieldAndCreatesNothing(String body, String field, String message) {
        int before = ConventionsTestController.CREATED.get();

        Reply reply = http.post("/test/widgets", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.problem()).isEqualTo("malformed-json");
        assertThat(reply.json().get("errors")).hasSize(1);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(reply.json().get("errors").get(0).get("message").asText()).isEqualTo(message);
        assertThat(ConventionsTestController.CREATED.get()).isEqualTo(before);
    }

    @Test
    void wellFormedTextIncludingPairedSurrogatesAndNullsIsAccepted() {
        Reply reply = http.post("/test/widgets", "{\"name\":\"Pingu \\ud83d\\udc27 \uD83D\uDC27\",\"email\":null,\"quantity\":1}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("name").asText()).isEqualTo("Pingu \uD83D\uDC27 \uD83D\uDC27");
    }
}

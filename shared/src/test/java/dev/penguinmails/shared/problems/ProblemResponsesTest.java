package dev.penguinmails.shared.problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.shared.testing.ConventionsTestController;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of error reaches the client as application/problem+json, through the Lambda handler. */
@MicronautTest
@Property(name = ConventionsTestController.ENABLED, value = "true")
class ProblemResponsesTest {
    @Inject
    EmbeddedServer server;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(server.getURL());
    }

    @Test
    void beanValidationFailuresAre400WithOneFieldErrorPerViolationNamedAsTheClientSentIt() {
        Reply reply = http.post("/test/widgets", """
                {"name":" ","email":"not-an-email","quantity":0,"tags":["a","b","c"],"parts":[{"code":"ok"},{"code":"x"}]}""");

        assertProblem(reply, 400, "validation-failed");
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("email", "name", "parts[1].code", "quantity", "tags");
        reply.json().get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
    }

    @Test
    void aValidBodyIsAcceptedSoTheValidationAboveIsNotAnAccident() {
        Reply reply = http.post("/test/widgets", """
                {"name":"ok","email":"a@example.com","quantity":1,"tags":["a"],"parts":[{"code":"ok"}]}""");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("name").asText()).isEqualTo("ok");
    }

    @Test
    void malformedJsonIs400MalformedJson() {
        Reply reply = http.post("/test/widgets", "{\"name\": \"unterminated");

        assertProblem(reply, 400, "malformed-json");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("dev.penguinmails");
    }

    @Test
    void jsonOfTheWrongShapeIs400MalformedJsonWithoutJavaTypeNames() {
        Reply reply = http.post("/test/widgets", "{\"name\":\"a\",\"quantity\":\"many\"}");

        assertProblem(reply, 400, "malformed-json");
        assertThat(reply.body()).doesNotContain("Widget").doesNotContain("java.");
    }

    @Test
    void aMissingBodyIs400() {
        Reply reply = http.send("POST", "/test/widgets", null, "Content-Type", "application/json");

        assertProblem(reply, 400, "bad-request");
        assertThat(reply.json().get("detail").asText()).isEqualTo("A request body is required.");
    }

    @Test
    void queryValueConstraintsAndConversionsNameTheParameter() {
        Reply outOfRange = http.get("/test/quantity?count=11");
        assertProblem(outOfRange, 400, "validation-failed");
        assertThat(outOfRange.json().get("errors").get(0).get("field").asText()).isEqualTo("count");

        Reply notANumber = http.get("/test/quantity?count=abc");
        assertProblem(notANumber, 400, "validation-failed");
        assertThat(notANumber.json().get("errors").get(0).get("field").asText()).isEqualTo("count");
        assertThat(notANumber.json().get("errors").get(0).get("message").asText()).isEqualTo("has an invalid value");

        Reply missing = http.get("/test/quantity");
        assertProblem(missing, 400, "validation-failed");
        assertThat(missing.json().get("errors").get(0).get("message").asText()).isEqualTo("is required");
    }

    @ParameterizedTest
    @CsvSource({"401,unauthorized", "403,forbidden", "409,conflict", "422,unprocessable", "429,rate-limited"})
    void problemExceptionsKeepTheirStatusTypeAndDetail(int status, String slug) {
        Reply reply = http.get("/test/problems/" + status);

        assertProblem(reply, status, slug);
        assertThat(reply.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void tooManyRequestsSaysWhenToRetryAndUnauthorizedSaysHowToAuthenticate() {
        assertThat(http.get("/test/problems/429").header("Retry-After")).hasValue("3");
        assertThat(http.get("/test/problems/401").header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aThrownNotFoundAndAnUnknownRouteAreBoth404Problems() {
        Reply thrown = http.get("/test/widgets/w_1");
        assertProblem(thrown, 404, "not-found");
        assertThat(thrown.json().get("detail").asText()).isEqualTo("There is no widget w_1.");
        assertThat(thrown.json().get("instance").asText()).isEqualTo("/test/widgets/w_1");

        assertProblem(http.get("/no/such/route"), 404, "not-found");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        Reply reply = http.send("DELETE", "/test/widgets", null);

        assertProblem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void aWrongContentTypeIs415() {
        Reply reply = http.send("POST", "/test/widgets", "name=x", "Content-Type", "text/plain");

        assertProblem(reply, 415, "unsupported-media-type");
        assertThat(reply.json().get("detail").asText())
                .isEqualTo("Content type text/plain is not supported here; send application/json.");
    }

    @Test
    void anUnexpectedErrorIsAGeneric500WithNothingInternalInIt() {
        Reply reply = http.get("/test/boom");

        assertProblem(reply, 500, "internal-error");
        assertThat(reply.json().get("detail").asText()).isEqualTo(ProblemResponses.INTERNAL_DETAIL);
        assertThat(reply.body()).doesNotContain("hunter2").doesNotContain("ws_OTHER_TENANT")
                .doesNotContain("IllegalStateException").doesNotContain("at dev.");
        assertThat(reply.header("X-Request-Id")).isPresent();
    }

    static void assertProblem(Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).as(reply.body()).isEqualTo(ProblemType.BASE_URI + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
    }
}

package dev.penguinmails.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.penguinmails.testsupport.CapturedStdout;
import dev.penguinmails.shared.testing.ConventionsTestController;
import dev.penguinmails.testsupport.TestHttp;
import dev.penguinmails.testsupport.TestHttp.Reply;
import io.micronaut.context.annotation.Property;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.context.ApplicationContextProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Request ids and workspace ids reach the JSON log lines (read from the real appender) and the response. */
@MicronautTest
@Property(name = ConventionsTestController.ENABLED, value = "true")
class RequestContextTest {
    @Inject
    EmbeddedServer server;
    @Inject
    @Named("HttpServer")
    ApplicationContextProvider lambdaHandler;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(server.getURL());
    }

    @Test
    void theCallersRequestIdAndThePathsWorkspaceIdAreInTheMdcOfEveryLineAndTheIdIsEchoed() {
        Reply reply;
        List<JsonNode> lines;
        try (CapturedStdout out = new CapturedStdout()) {
            reply = http.get("/test/workspaces/ws_123/hello", "X-Request-Id", "client-req-42");
            lines = out.jsonLines();
        }

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).hasValue("client-req-42");
        JsonNode hello = lines.stream().filter(l -> "hello from the workspace".equals(l.path("formattedMessage").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no hello line in " + lines));
        assertThat(hello.path("level").asText()).isEqualTo("INFO");
        assertThat(hello.path("loggerName").asText()).isEqualTo(ConventionsTestController.class.getName());
        assertThat(hello.path("mdc").path("requestId").asText()).isEqualTo("client-req-42");
        assertThat(hello.path("mdc").path("workspaceId").asText()).isEqualTo("ws_123");
    }

    @Test
    void withoutAUsableCallerIdOneIsGeneratedAndEchoed() {
        Reply none = http.get("/test/workspaces/ws_1/hello");
        Reply unsafe = http.get("/test/workspaces/ws_1/hello", "X-Request-Id", "has spaces {and} braces");

        assertThat(none.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(unsafe.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(none.header("X-Request-Id")).isNotEqualTo(unsafe.header("X-Request-Id"));
    }

    @Test
    void errorsCarryTheRequestIdAndTheirLogLineHasItInTheMdc() {
        Reply notFound = http.get("/nowhere", "X-Request-Id", "lost-1");
        Reply failed;
        List<JsonNode> lines;
        try (CapturedStdout out = new CapturedStdout()) {
            failed = http.get("/test/boom", "X-Request-Id", "boom-1");
            lines = out.jsonLines();
        }

        assertThat(notFound.header("X-Request-Id")).hasValue("lost-1");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.header("X-Request-Id")).hasValue("boom-1");
        JsonNode error = lines.stream().filter(l -> "ERROR".equals(l.path("level").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no error line in " + lines));
        assertThat(error.path("mdc").path("requestId").asText()).isEqualTo("boom-1");
        assertThat(error.path("throwable").path("className").asText()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void apiGatewaysRequestIdWinsAndTheMdcIsCleanAfterTheInvocation() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("ANY /{proxy+}").withRawPath("/test/workspaces/ws_9/hello")
                .withHeaders(Map.of("x-request-id", "client-ignored"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("apigw-JKJaXmPLvHcESHA=")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath("/test/workspaces/ws_9/hello").build())
                        .build())
                .build();
        MDC.clear();
        List<JsonNode> lines;

        APIGatewayV2HTTPResponse response;
        try (CapturedStdout out = new CapturedStdout()) {
            response = ((APIGatewayV2HTTPEventFunction) lambdaHandler).handleRequest(event, new MockLambdaContext());
            lines = out.jsonLines();
        }

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("X-Request-Id", "apigw-JKJaXmPLvHcESHA=");
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("formattedMessage").asText()).isEqualTo("hello from the workspace");
            assertThat(line.path("mdc").path("requestId").asText()).isEqualTo("apigw-JKJaXmPLvHcESHA=");
            assertThat(line.path("mdc").path("workspaceId").asText()).isEqualTo("ws_9");
        });
        // micronaut-function-aws adds its own AWS* keys; ours must not outlive the request.
        assertThat(MDC.get(RequestContext.MDC_REQUEST_ID)).isNull();
        assertThat(MDC.get(RequestContext.MDC_WORKSPACE_ID)).isNull();
    }
}

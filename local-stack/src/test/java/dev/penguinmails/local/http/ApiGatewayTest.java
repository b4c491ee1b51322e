package dev.penguinmails.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.local.functions.HandlerInvoker;
import dev.penguinmails.local.functions.Outcome;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The local API Gateway over real HTTP, with stand-in functions. */
class ApiGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestBecomesAnEventAndTheFunctionsResponseBecomesTheHttpResponse() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        HandlerInvoker function = event -> {
            seen.set(event);
            return new Outcome.Succeeded("""
                    {"statusCode":201,"headers":{"Content-Type":"application/json","X-Fn":"yes"},
                     "cookies":["s=1; HttpOnly"],"body":"{\\"ok\\":true}","isBase64Encoded":false}""", Duration.ofMillis(3));
        };
        try (ApiServer server = server(GatewayLimits.aws(), 20, function, "POST /v1/things/{id}")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/v1/things/7?x=1"))
                    .header("Content-Type", "application/json").header("Cookie", "a=b")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"n\"}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"ok\":true}");
            assertThat(response.headers().firstValue("x-fn")).contains("yes");
            assertThat(response.headers().allValues("set-cookie")).containsExactly("s=1; HttpOnly");
            assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
            JsonNode event = JSON.readTree(seen.get());
            assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("7");
            assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1");
            assertThat(event.path("cookies").get(0).asText()).isEqualTo("a=b");
            assertThat(event.path("body").asText()).isEqualTo("{\"name\":\"n\"}");
            assertThat(event.path("requestContext").path("http").path("method").asText()).isEqualTo("POST");
        }
    }

    @Test
    void noMatchingRouteIsA404Problem() throws Exception {
        try (ApiServer server = server(GatewayLimits.aws(), 20, event -> { throw new AssertionError("not invoked"); },
                "POST /v1/signup")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/v1/nothing")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("https://penguinmails.dev/problems/not-found");
        }
    }

    @Test
    void aBodyOverThePayloadLimitIsA413ProblemAndTheFunctionIsNotInvoked() throws Exception {
        GatewayLimits small = new GatewayLimits(1024, Duration.ofSeconds(30), 6L << 20);
        try (ApiServer server = server(small, 20, event -> { throw new AssertionError("not invoked"); }, "POST /v1/upload")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/v1/upload"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2048])).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).path("type").asText())
                    .isEqualTo("https://penguinmails.dev/problems/payload-too-large");
        }
    }

    @Test
    void aFunctionSlowerThanTheIntegrationTimeoutIsA504Problem() {
        GatewayLimits quick = new GatewayLimits(1024, Duration.ofMillis(200), 6L << 20);
        AtomicReference<Duration> waited = new AtomicReference<>();
        ApiGateway gateway = new ApiGateway(new RouteTable(Routes.of(60, "GET /v1/slow")), (route, timeout) -> {
            waited.set(timeout);
            return event -> new Outcome.TimedOut(timeout, timeout);
        }, new ApiGatewayEvents(JSON), new ApiGatewayResponses(JSON), quick);

        HttpReply reply = gateway.handle(get("/v1/slow"));

        assertThat(waited.get()).isEqualTo(Duration.ofMillis(200));
        assertThat(reply.status()).isEqualTo(504);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("/problems/gateway-timeout");
    }

    @Test
    void aFunctionStoppedAtItsOwnTimeoutOrThrowingIsA500Problem() {
        ApiGateway timesOut = new ApiGateway(new RouteTable(Routes.of(2, "GET /v1/slow")),
                (route, timeout) -> event -> new Outcome.TimedOut(timeout, timeout),
                new ApiGatewayEvents(JSON), new ApiGatewayResponses(JSON), GatewayLimits.aws());
        ApiGateway throwing = new ApiGateway(new RouteTable(Routes.of(2, "GET /v1/slow")),
                (route, timeout) -> event -> new Outcome.Failed("IllegalStateException", "boom", Duration.ZERO),
                new ApiGatewayEvents(JSON), new ApiGatewayResponses(JSON), GatewayLimits.aws());

        HttpReply timedOut = timesOut.handle(get("/v1/slow"));
        HttpReply failed = throwing.handle(get("/v1/slow"));

        assertThat(timedOut.status()).isEqualTo(500);
        assertThat(new String(timedOut.body(), StandardCharsets.UTF_8)).contains("/problems/function-timeout");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(new String(failed.body(), StandardCharsets.UTF_8)).contains("/problems/function-error")
                .doesNotContain("boom");
    }

    @Test
    void aResponseOverLambdasLimitIsA502Problem() {
        GatewayLimits tiny = new GatewayLimits(1024, Duration.ofSeconds(30), 10);
        ApiGateway gateway = new ApiGateway(new RouteTable(Routes.of(2, "GET /v1/big")),
                (route, timeout) -> event -> new Outcome.Succeeded("{\"statusCode\":200,\"body\":\"0123456789\"}", Duration.ZERO),
                new ApiGatewayEvents(JSON), new ApiGatewayResponses(JSON), tiny);

        assertThat(gateway.handle(get("/v1/big")).status()).isEqualTo(502);
    }

    @Test
    void localEndpointsAreServedBeforeRoutes() throws Exception {
        LocalEndpoint hello = new LocalEndpoint() {
            @Override
            public boolean accepts(String path) {
                return path.equals("/_local/hello");
            }

            @Override
            public HttpReply handle(GatewayRequest request) {
                return new HttpReply(200, List.of(Map.entry("Content-Type", "text/plain")),
                        "hi".getBytes(StandardCharsets.UTF_8), List.of());
            }
        };
        ApiGateway gateway = new ApiGateway(new RouteTable(Routes.of(2, "ANY /{proxy+}")),
                (route, timeout) -> event -> { throw new AssertionError("not invoked"); },
                new ApiGatewayEvents(JSON), new ApiGatewayResponses(JSON), GatewayLimits.aws());
        try (ApiServer server = ApiServer.start(0, gateway, List.of(hello))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/_local/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("hi");
        }
    }

    private static ApiServer server(GatewayLimits limits, int timeoutSeconds, HandlerInvoker function, String routeKey) {
        ApiGateway gateway = new ApiGateway(new RouteTable(Routes.of(timeoutSeconds, routeKey)),
                (route, timeout) -> function, new ApiGatewayEvents(JSON), new ApiGatewayResponses(JSON), limits);
        return ApiServer.start(0, gateway, List.of());
    }

    private static GatewayRequest get(String path) {
        return new GatewayRequest("GET", path, "", "HTTP/1.1", Map.of(), new byte[0], "127.0.0.1", 8080, "r", Instant.now());
    }
}

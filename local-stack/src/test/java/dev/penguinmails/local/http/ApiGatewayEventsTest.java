package dev.penguinmails.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event must look like what API Gateway sends with payload format 2.0 (see the AWS developer guide). */
class ApiGatewayEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2020-03-10T00:03:59.428Z");
    private final ApiGatewayEvents events = new ApiGatewayEvents(JSON);
    private final RouteTable table = Routes.table("POST /v1/workspaces/{workspaceId}/imports");

    @Test
    void topLevelFieldsFollowPayloadFormat2() throws Exception {
        JsonNode event = event(request("POST", "/v1/workspaces/ws_1/imports", "dry=true&tag=a&tag=b%20c",
                Map.of("Content-Type", List.of("application/json")), "{\"a\":1}"));

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /v1/workspaces/{workspaceId}/imports");
        assertThat(event.path("rawPath").asText()).isEqualTo("/v1/workspaces/ws_1/imports");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("dry=true&tag=a&tag=b%20c");
        assertThat(event.path("queryStringParameters").path("dry").asText()).isEqualTo("true");
        assertThat(event.path("queryStringParameters").path("tag").asText()).isEqualTo("a,b c");
        assertThat(event.path("pathParameters").path("workspaceId").asText()).isEqualTo("ws_1");
        assertThat(event.path("body").asText()).isEqualTo("{\"a\":1}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void headerNamesAreLowerCaseRepeatedHeadersAreCommaJoinedAndCookiesMoveToTheirOwnField() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Custom", List.of("one", "two"));
        headers.put("Cookie", List.of("session=abc; theme=dark", "lang=en"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        headers.put("Host", List.of("127.0.0.1:8080"));

        JsonNode event = event(request("POST", "/v1/workspaces/ws_1/imports", "", headers, ""));

        assertThat(event.path("headers").path("x-custom").asText()).isEqualTo("one,two");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("headers").has("X-Custom")).isFalse();
        assertThat(event.path("cookies")).extracting(JsonNode::asText).containsExactly("session=abc", "theme=dark", "lang=en");
        assertThat(event.path("headers").path("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
        assertThat(event.path("headers").path("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(event.path("headers").path("x-forwarded-port").asText()).isEqualTo("8080");
        assertThat(event.path("headers").path("x-amzn-trace-id").asText()).startsWith("Root=1-");
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.has("body")).isFalse();
    }

    @Test
    void requestContextDescribesTheRequest() throws Exception {
        JsonNode event = event(request("POST", "/v1/workspaces/ws_1/imports", "",
                Map.of("User-Agent", List.of("curl/8.5.0"), "Host", List.of("localhost:8080")), ""));
        JsonNode context = event.path("requestContext");

        assertThat(context.path("accountId").asText()).isEqualTo("000000000000");
        assertThat(context.path("apiId").asText()).isEqualTo("local");
        assertThat(context.path("domainName").asText()).isEqualTo("localhost");
        assertThat(context.path("domainPrefix").asText()).isEqualTo("localhost");
        assertThat(context.path("http").path("method").asText()).isEqualTo("POST");
        assertThat(context.path("http").path("path").asText()).isEqualTo("/v1/workspaces/ws_1/imports");
        assertThat(context.path("http").path("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("http").path("userAgent").asText()).isEqualTo("curl/8.5.0");
        assertThat(context.path("requestId").asText()).isEqualTo("JKJaXmPLvHcESHA=");
        assertThat(context.path("routeKey").asText()).isEqualTo("POST /v1/workspaces/{workspaceId}/imports");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("time").asText()).isEqualTo("10/Mar/2020:00:03:59 +0000");
        assertThat(context.path("timeEpoch").asLong()).isEqualTo(1583798639428L);
    }

    @Test
    void aBinaryBodyTravelsBase64Encoded() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        GatewayRequest request = new GatewayRequest("POST", "/v1/workspaces/ws_1/imports", "", "HTTP/1.1",
                Map.of("Content-Type", List.of("image/png")), png, "127.0.0.1", 8080, "r", TIME);

        JsonNode event = event(request);

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(png);
    }

    @Test
    void textThatIsNotUtf8IsSentAsBase64() throws Exception {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        GatewayRequest request = new GatewayRequest("POST", "/v1/workspaces/ws_1/imports", "", "HTTP/1.1",
                Map.of("Content-Type", List.of("text/csv")), latin1, "127.0.0.1", 8080, "r", TIME);

        JsonNode event = event(request);

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(latin1);
    }

    @Test
    void requestIdsLookLikeApiGateways() {
        assertThat(ApiGatewayEvents.newRequestId()).matches("[A-Za-z0-9+/]{15}=").isNotEqualTo(ApiGatewayEvents.newRequestId());
    }

    private JsonNode event(GatewayRequest request) throws Exception {
        RouteMatch match = table.match(request.method(), request.rawPath()).orElseThrow();
        return JSON.readTree(events.toEvent(request, match));
    }

    private static GatewayRequest request(String method, String path, String query, Map<String, List<String>> headers,
                                          String body) {
        return new GatewayRequest(method, path, query, "HTTP/1.1", headers, body.getBytes(StandardCharsets.UTF_8),
                "127.0.0.1", 8080, "JKJaXmPLvHcESHA=", TIME);
    }
}

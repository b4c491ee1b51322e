package dev.penguinmails.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Lambda event an API Gateway HTTP API sends with payload format 2.0: lower-case header
 * names with repeated headers joined by commas, cookies moved out of the headers into {@code cookies},
 * decoded query and path parameters, the request context, and a body that is base64-encoded unless
 * it is text.
 */
public final class ApiGatewayEvents {
    public static final String ACCOUNT_ID = "000000000000";
    public static final String API_ID = "local";
    /** The region API Gateway names in route ARNs; the local stack's emulators use the same. */
    public static final String REGION = "us-east-1";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper json;

    public ApiGatewayEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The event JSON for {@code request}, which matched {@code match}. */
    public String toEvent(GatewayRequest request, RouteMatch match) {
        return toEvent(request, match, null);
    }

    /**
     * The event JSON for {@code request}, with the authorizer's context under
     * {@code requestContext.authorizer.lambda} when a Lambda authorizer let it through.
     */
    public String toEvent(GatewayRequest request, RouteMatch match, Map<String, Object> authorizerContext) {
        ObjectNode event = common(request, match);
        if (authorizerContext != null) {
            ((ObjectNode) event.get("requestContext")).putObject("authorizer")
                    .set("lambda", json.valueToTree(authorizerContext));
        }
        byte[] body = request.body();
        if (body.length > 0) {
            String contentType = event.get("headers").path("content-type").textValue();
            String text = isText(contentType) ? utf8(body) : null;
            if (text != null) {
                event.put("body", text);
                event.put("isBase64Encoded", false);
            } else {
                event.put("body", Base64.getEncoder().encodeToString(body));
                event.put("isBase64Encoded", true);
            }
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /**
     * The payload 2.0 REQUEST authorizer event API Gateway sends a Lambda authorizer for {@code request}:
     * the request's parts (no body) plus {@code type}, {@code routeArn} and the identity source's values.
     */
    public String toAuthorizerEvent(GatewayRequest request, RouteMatch match, List<String> identitySource) {
        ObjectNode event = common(request, match);
        event.put("type", "REQUEST");
        event.put("routeArn", "arn:aws:execute-api:" + REGION + ":" + ACCOUNT_ID + ":" + API_ID + "/$default/"
                + request.method() + request.rawPath());
        ArrayNode sources = event.putArray("identitySource");
        identitySource.forEach(sources::add);
        return event.toString();
    }

    /** What the request event and the authorizer event share. */
    private ObjectNode common(GatewayRequest request, RouteMatch match) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> splitCookies(v, cookies));
            } else {
                values.forEach(v -> headers.merge(lower, v, (a, b) -> a + "," + b));
            }
        });
        // API Gateway adds what a load balancer in front of the function would.
        headers.merge("x-forwarded-for", request.sourceIp(), (a, b) -> a + ", " + b);
        headers.put("x-forwarded-port", Integer.toString(request.serverPort()));
        headers.put("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", traceId(request));
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode node = event.putObject("queryStringParameters");
            query.forEach(node::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode node = event.putObject("pathParameters");
            match.pathParameters().forEach(node::put);
        }

        String host = headers.getOrDefault("host", "127.0.0.1");
        String domainName = host.contains(":") && !host.startsWith("[") ? host.substring(0, host.indexOf(':')) : host;
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", ACCOUNT_ID);
        context.put("apiId", API_ID);
        context.put("domainName", domainName);
        context.put("domainPrefix", domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", request.requestId());
        context.put("routeKey", match.routeKey());
        context.put("stage", "$default");
        context.put("time", TIME.format(request.time()));
        context.put("timeEpoch", request.time().toEpochMilli());
        return event;
    }

    /** A request id in API Gateway's style, e.g. {@code JKJaXmPLvHcESHA=}. */
    public static String newRequestId() {
        // Eleven bytes are fifteen base64 characters and one '=' of padding, like API Gateway's ids.
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decoded query parameters; a name given twice has its values joined by commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /** Whether API Gateway passes a body of this content type as text rather than base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            // Without a content type there is no way to tell; text is what clients nearly always send.
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return type.startsWith("text/")
                || type.endsWith("/json") || type.endsWith("+json")
                || type.endsWith("/xml") || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/graphql");
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String cookie : header.split(";")) {
            String trimmed = cookie.strip();
            if (!trimmed.isEmpty()) {
                cookies.add(trimmed);
            }
        }
    }

    /** The body as text, or null if it is not valid UTF-8 (then it travels base64-encoded). */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String traceId(GatewayRequest request) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "Root=1-" + Long.toHexString(request.time().getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }
}

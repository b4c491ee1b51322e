package dev.penguinmails.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.penguinmails.emulators.LocalAwsClients;
import java.util.List;

/**
 * Turns the API Gateway v2 event of a request into the payload 2.0 REQUEST authorizer event API Gateway sends
 * for it first: the same request fields, without the body, plus {@code type}, {@code routeArn} and the identity
 * source's values ({@code $request.header.Authorization}).
 */
final class AuthorizerEvents {
    private static final List<String> REQUEST_FIELDS = List.of("routeKey", "rawPath", "rawQueryString", "cookies",
            "headers", "queryStringParameters", "requestContext", "pathParameters", "stageVariables");

    private AuthorizerEvents() { }

    static ObjectNode fromRequest(ObjectMapper json, ObjectNode requestEvent, String authorization) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", routeArn(requestEvent));
        event.putArray("identitySource").add(authorization);
        for (String field : REQUEST_FIELDS) {
            JsonNode value = requestEvent.get(field);
            if (value != null) {
                event.set(field, value.deepCopy());
            }
        }
        return event;
    }

    /** {@code arn:aws:execute-api:<region>:<account>:<api id>/<stage>/<method><path>}, as API Gateway names the route. */
    static String routeArn(JsonNode requestEvent) {
        JsonNode context = requestEvent.path("requestContext");
        return "arn:aws:execute-api:" + LocalAwsClients.REGION.id() + ":"
                + context.path("accountId").asText() + ":" + context.path("apiId").asText() + "/"
                + context.path("stage").asText() + "/" + context.path("http").path("method").asText()
                + requestEvent.path("rawPath").asText();
    }
}

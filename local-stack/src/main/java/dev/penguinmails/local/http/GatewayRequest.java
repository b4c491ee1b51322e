package dev.penguinmails.local.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as API Gateway received it, before it becomes a Lambda event.
 *
 * @param rawPath    the path as sent, still percent-encoded
 * @param rawQuery   the query string as sent, without '?'; empty when there is none
 * @param headers    header values by name as sent (any case); a name sent twice has two values
 * @param serverPort the port the request came in on (API Gateway reports it as x-forwarded-port)
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, String protocol,
                             Map<String, List<String>> headers, byte[] body, String sourceIp, int serverPort,
                             String requestId, Instant time) {
    public GatewayRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }
}

package dev.penguinmails.local.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response to send: status, headers in order (a name may repeat, as Set-Cookie does), body.
 *
 * @param ignored notes on parts of the function's response API Gateway ignores, for the log
 */
public record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body, List<String> ignored) {
    public HttpReply {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
        ignored = List.copyOf(ignored);
    }

    /** The values of one header, matched case-insensitively. */
    public List<String> header(String name) {
        List<String> values = new ArrayList<>();
        headers.forEach(h -> {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(h.getValue());
            }
        });
        return values;
    }
}

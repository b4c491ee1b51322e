package dev.penguinmails.local.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code GET} of an authorized route with its credential: what the authorizer probe authorizes, and what an
 * HTTP API probe sends in place of the signup, together with the authorizer's answer when one was measured.
 *
 * @param authorization     the {@code Authorization} header, e.g. {@code Bearer eyJ...}
 * @param authorizerContext the authorizer's context (JSON object), which API Gateway passes the function
 */
public record AuthenticatedRequest(String path, String authorization, Optional<String> authorizerContext) {

    /** The request's headers, as a client sends them. */
    Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Authorization", List.of(authorization));
        headers.put("Accept", List.of("application/json"));
        return headers;
    }

    /** The request the options name, if any. */
    static Optional<AuthenticatedRequest> of(ProbeOptions options) {
        return options.path().map(path -> new AuthenticatedRequest(path, options.authorization().orElseThrow(),
                options.authorizerContext()));
    }
}

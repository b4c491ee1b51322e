package dev.penguinmails.identity.authorizer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** A simple authorizer response (payload format 2.0): whether API Gateway lets the request through, and the context it passes on. */
@Serdeable
public record AuthorizerResponse(@JsonProperty("isAuthorized") boolean isAuthorized, Map<String, Object> context) {
    public AuthorizerResponse {
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public static AuthorizerResponse deny() {
        return new AuthorizerResponse(false, Map.of());
    }
}

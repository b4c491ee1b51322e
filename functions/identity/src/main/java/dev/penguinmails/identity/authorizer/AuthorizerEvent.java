package dev.penguinmails.identity.authorizer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The parts of API Gateway's payload 2.0 REQUEST authorizer event that the authorizer reads (the rest,
 * such as the route and path, is ignored: the answer is cached per Authorization header and must hold
 * for every route).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizerEvent(@Nullable String version, @Nullable String type, @Nullable String routeArn,
                              @Nullable List<String> identitySource, @Nullable String routeKey,
                              @Nullable Map<String, String> headers, @Nullable RequestContext requestContext) {

    /** The request context; only the caller's address matters here. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(@Nullable Http http, @Nullable String requestId) { }

    /** HTTP details of the request. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(@Nullable String method, @Nullable String path, @Nullable String sourceIp) { }

    /** The Authorization header (payload 2.0 headers are lower case), else the identity source's value. */
    @Nullable
    public String authorization() {
        if (headers != null && headers.get("authorization") != null) {
            return headers.get("authorization");
        }
        return identitySource == null || identitySource.isEmpty() ? null : identitySource.get(0);
    }

    @Nullable
    public String sourceIp() {
        return requestContext == null || requestContext.http() == null ? null : requestContext.http().sourceIp();
    }
}

package dev.penguinmails.local.http;

/** A local-only endpoint on the API port (admin, OpenAPI, Swagger UI) that no API Gateway route reaches. */
public interface LocalEndpoint {

    /** Whether this endpoint serves {@code path}; checked before the API Gateway routes. */
    boolean accepts(String path);

    HttpReply handle(GatewayRequest request);
}

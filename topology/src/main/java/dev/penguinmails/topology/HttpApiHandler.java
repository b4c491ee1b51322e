package dev.penguinmails.topology;

import java.util.List;

/** The family's API Gateway v2 (HTTP API) handler and the routes sent to it. */
public record HttpApiHandler(String handlerClass, List<HttpRoute> routes) implements EntryPoint {

    /**
     * Micronaut's API Gateway v2 proxy handler, as {@code shared} extends it to carry payload 2.0 cookies;
     * every family uses it for its HTTP API.
     */
    public static final String MICRONAUT_HANDLER = "dev.penguinmails.shared.lambda.HttpApiFunction";

    public HttpApiHandler {
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("an HTTP API handler needs at least one route");
        }
    }

    /** Micronaut's handler for authorized routes only. */
    public static HttpApiHandler micronaut(String... routeKeys) {
        return new HttpApiHandler(MICRONAUT_HANDLER, List.of(routeKeys).stream().map(HttpRoute::of).toList());
    }

    /** Micronaut's handler for routes that each say whether they are public. */
    public static HttpApiHandler micronaut(List<HttpRoute> routes) {
        return new HttpApiHandler(MICRONAUT_HANDLER, routes);
    }

    @Override
    public String name() {
        return "api";
    }
}

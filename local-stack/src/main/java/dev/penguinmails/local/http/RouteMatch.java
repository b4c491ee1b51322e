package dev.penguinmails.local.http;

import dev.penguinmails.topology.Topology.RoutedHttp;
import java.util.Map;

/** The route a request matched, with the values of its path variables (decoded), e.g. {@code proxy -> "a/b"}. */
public record RouteMatch(RoutedHttp route, Map<String, String> pathParameters) {
    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }

    public String routeKey() {
        return route.route().routeKey();
    }
}

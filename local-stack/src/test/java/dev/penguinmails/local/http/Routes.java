package dev.penguinmails.local.http;

import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.HttpRoute;
import dev.penguinmails.topology.Topology.RoutedHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds route tables for tests: each route public and served by a function named after the route's index. */
final class Routes {
    private Routes() { }

    /** Routes each served by a family named "f0", "f1", ... in the order given, with the given timeout. */
    static List<RoutedHttp> of(int timeoutSeconds, String... routeKeys) {
        List<RoutedHttp> routes = new ArrayList<>();
        for (int i = 0; i < routeKeys.length; i++) {
            HttpApiHandler api = HttpApiHandler.micronaut(List.of(HttpRoute.open(routeKeys[i])));
            FunctionSpec function = new FunctionSpec("fn" + i, 512, timeoutSeconds, Optional.of(api), List.of(), List.of(),
                    new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false));
            routes.add(new RoutedHttp(api.routes().get(0), function, api));
        }
        return routes;
    }

    static RouteTable table(String... routeKeys) {
        return new RouteTable(of(20, routeKeys));
    }
}

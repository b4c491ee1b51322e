package dev.penguinmails.testsupport.routes;

import dev.penguinmails.testsupport.openapi.OpenApiCoverage;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.HttpRoute;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routes are declared once, in the topology: checks a family's compiled controller routes (Micronaut's
 * route metadata) against the routes its {@link FunctionSpec} sends to it. A family's test asserts that
 * {@link Report#unrouted()} and {@link Report#withoutController()} are empty, so a controller route that
 * API Gateway would never deliver, and a topology route that no controller answers, both fail the build.
 */
public final class TopologyRoutes {

    private TopologyRoutes() { }

    /**
     * @param unrouted          controller operations ({@code "GET /v1/x/{}"}) that no topology route delivers
     * @param withoutController topology route keys that no controller operation answers
     */
    public record Report(List<String> unrouted, List<String> withoutController) { }

    /** Compares the routes of {@code context} (HEAD and OPTIONS aside) with {@code function}'s topology routes. */
    public static Report check(ApplicationContext context, FunctionSpec function) {
        Set<String> operations = new TreeSet<>();
        context.getBean(Router.class).uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD && route.getHttpMethod() != HttpMethod.OPTIONS)
                .forEach(route -> operations.add(OpenApiCoverage.operation(route.getHttpMethodName(),
                        route.getUriMatchTemplate().toPathString())));
        return compare(operations, function.httpApi().map(HttpApiHandler::routes).orElse(List.of()));
    }

    /** Compares normalised controller operations with topology routes. */
    public static Report compare(Set<String> operations, List<HttpRoute> routes) {
        List<String> unrouted = operations.stream()
                .filter(op -> routes.stream().noneMatch(route -> delivers(route, op)))
                .sorted().toList();
        List<String> withoutController = routes.stream()
                .filter(route -> operations.stream().noneMatch(op -> delivers(route, op)))
                .map(HttpRoute::routeKey).sorted().toList();
        return new Report(unrouted, withoutController);
    }

    /** Whether API Gateway sends {@code operation} ({@code "METHOD /path/{}"}) to {@code route}. */
    static boolean delivers(HttpRoute route, String operation) {
        int space = operation.indexOf(' ');
        String method = operation.substring(0, space);
        if (!route.method().equals("ANY") && !route.method().equals(method)) {
            return false;
        }
        List<String> wanted = segments(operation.substring(space + 1));
        List<String> declared = route.segments();
        for (int i = 0; i < declared.size(); i++) {
            String segment = declared.get(i);
            if (segment.equals("{proxy+}")) {
                return wanted.size() > i;
            }
            if (i >= wanted.size()) {
                return false;
            }
            boolean variable = segment.startsWith("{") && segment.endsWith("}");
            // A controller variable is delivered only by a route variable; a literal by itself or a variable.
            if (!variable && !segment.equals(wanted.get(i))) {
                return false;
            }
        }
        return wanted.size() == declared.size();
    }

    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/", -1));
    }
}

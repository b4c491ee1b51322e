package dev.penguinmails.local.http;

import dev.penguinmails.topology.HttpRoute;
import dev.penguinmails.topology.Topology.RoutedHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the route of a request the way an API Gateway HTTP API does: a route whose path is all
 * literal wins, then routes with {@code {param}} segments (more literal segments win, then the one
 * whose first literal comes earlier), then greedy {@code {proxy+}} routes by longest prefix. At equal
 * path, a route for the request's method beats {@code ANY}.
 */
public final class RouteTable {
    private static final String GREEDY = "{proxy+}";

    private final List<CompiledRoute> routes;

    public RouteTable(List<RoutedHttp> routes) {
        this.routes = routes.stream().map(CompiledRoute::new).sorted(CompiledRoute.PRECEDENCE).toList();
    }

    /** The best route for {@code method} and the raw (still percent-encoded) path, if any matches. */
    public Optional<RouteMatch> match(String method, String rawPath) {
        String upper = method.toUpperCase(Locale.ROOT);
        List<String> segments = List.of((rawPath.startsWith("/") ? rawPath.substring(1) : rawPath).split("/", -1));
        for (CompiledRoute route : routes) {
            if (route.acceptsMethod(upper)) {
                Map<String, String> parameters = route.match(segments);
                if (parameters != null) {
                    return Optional.of(new RouteMatch(route.routed, parameters));
                }
            }
        }
        return Optional.empty();
    }

    /** Every route, in the order they are tried. */
    public List<RoutedHttp> routes() {
        return routes.stream().map(r -> r.routed).toList();
    }

    private static final class CompiledRoute {
        /** Literal routes, then parameterised, then greedy; the most specific first in each group. */
        static final Comparator<CompiledRoute> PRECEDENCE = CompiledRoute::compare;

        final RoutedHttp routed;
        final List<String> prefix;
        final boolean greedy;
        final boolean any;
        final String method;
        final int literalCount;
        final int firstVariable;
        final int kind;

        CompiledRoute(RoutedHttp routed) {
            this.routed = routed;
            HttpRoute route = routed.route();
            List<String> segments = route.segments();
            this.greedy = route.greedy();
            this.prefix = greedy ? segments.subList(0, segments.size() - 1) : segments;
            this.method = route.method();
            this.any = "ANY".equals(method);
            this.literalCount = (int) prefix.stream().filter(s -> !isVariable(s)).count();
            int first = -1;
            for (int i = 0; i < prefix.size(); i++) {
                if (isVariable(prefix.get(i))) {
                    first = i;
                    break;
                }
            }
            this.firstVariable = first;
            this.kind = greedy ? 2 : first == -1 ? 0 : 1;
        }

        private static int compare(CompiledRoute a, CompiledRoute b) {
            if (a.kind != b.kind) {
                return Integer.compare(a.kind, b.kind);
            }
            if (a.greedy && a.prefix.size() != b.prefix.size()) {
                return Integer.compare(b.prefix.size(), a.prefix.size());
            }
            if (a.literalCount != b.literalCount) {
                return Integer.compare(b.literalCount, a.literalCount);
            }
            // Of two routes with as many literals, the one that stays literal longer is more specific.
            int aFirst = a.firstVariable == -1 ? Integer.MAX_VALUE : a.firstVariable;
            int bFirst = b.firstVariable == -1 ? Integer.MAX_VALUE : b.firstVariable;
            if (aFirst != bFirst) {
                return Integer.compare(bFirst, aFirst);
            }
            return Boolean.compare(a.any, b.any);
        }

        boolean acceptsMethod(String requestMethod) {
            return any || method.equals(requestMethod);
        }

        /** The path parameters if the request's segments match, else null. */
        Map<String, String> match(List<String> request) {
            if (greedy ? request.size() <= prefix.size() : request.size() != prefix.size()) {
                return null;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < prefix.size(); i++) {
                String pattern = prefix.get(i);
                String actual = request.get(i);
                if (isVariable(pattern)) {
                    if (actual.isEmpty()) {
                        return null;
                    }
                    parameters.put(pattern.substring(1, pattern.length() - 1), decode(actual));
                } else if (!pattern.equals(actual)) {
                    return null;
                }
            }
            if (greedy) {
                String rest = String.join("/", request.subList(prefix.size(), request.size()));
                if (rest.isEmpty()) {
                    return null;
                }
                parameters.put(GREEDY.substring(1, GREEDY.length() - 2), decode(rest));
            }
            return parameters;
        }

        private static boolean isVariable(String segment) {
            return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
        }
    }

    /** Percent-decodes a path (a '+' stays a '+', unlike in query strings). */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

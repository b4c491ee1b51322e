package dev.penguinmails.topology;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An API Gateway HTTP API route key such as {@code POST /v1/signup} or {@code ANY /v1/me/{proxy+}}, and
 * whether API Gateway runs the topology's authorizer before it ({@link Access#AUTHORIZED}, the default)
 * or lets anyone call it ({@link Access#PUBLIC}).
 */
public record HttpRoute(String method, String path, Access access) {

    /** Who may reach a route. */
    public enum Access {
        /** Anyone: no authorizer runs (signup, login, token links in emails). */
        PUBLIC,
        /** Only requests the authorizer lets through. */
        AUTHORIZED
    }

    private static final Set<String> METHODS = Set.of("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** An authorized route. */
    public HttpRoute(String method, String path) {
        this(method, path, Access.AUTHORIZED);
    }

    public HttpRoute {
        java.util.Objects.requireNonNull(access, "access");
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method " + method);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with /: " + path);
        }
        int greedy = path.indexOf("{proxy+}");
        if (greedy >= 0 && greedy != path.length() - "{proxy+}".length()) {
            throw new IllegalArgumentException("a greedy variable must end the path: " + path);
        }
    }

    /** Parses {@code "METHOD /path"} as an authorized route. */
    public static HttpRoute of(String routeKey) {
        return parse(routeKey, Access.AUTHORIZED);
    }

    /** Parses {@code "METHOD /path"} as a public route, which no authorizer guards. */
    public static HttpRoute open(String routeKey) {
        return parse(routeKey, Access.PUBLIC);
    }

    private static HttpRoute parse(String routeKey, Access access) {
        String[] parts = routeKey.strip().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("route key must be 'METHOD /path': " + routeKey);
        }
        return new HttpRoute(parts[0], parts[1], access);
    }

    public boolean isPublic() {
        return access == Access.PUBLIC;
    }

    public String routeKey() {
        return method + " " + path;
    }

    public boolean greedy() {
        return path.endsWith("{proxy+}");
    }

    public List<String> segments() {
        return List.of(path.substring(1).split("/", -1));
    }
}

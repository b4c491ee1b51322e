package dev.penguinmails.topology;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An API Gateway HTTP API route key such as {@code POST /v1/signup} or {@code ANY /v1/me/{proxy+}}.
 */
public record HttpRoute(String method, String path) {

    private static final Set<String> METHODS = Set.of("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    public HttpRoute {
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

    /** Parses {@code "METHOD /path"}. */
    public static HttpRoute of(String routeKey) {
        String[] parts = routeKey.strip().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("route key must be 'METHOD /path': " + routeKey);
        }
        return new HttpRoute(parts[0], parts[1]);
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

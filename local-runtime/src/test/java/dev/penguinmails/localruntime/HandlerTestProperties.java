package dev.penguinmails.localruntime;

import java.util.Map;

/**
 * System properties that handlers built by their no-argument constructor (as Lambda builds them)
 * read in these tests, set before and cleared after each test class.
 */
final class HandlerTestProperties {
    private static final Map<String, String> PROPERTIES = Map.of(
            // micronaut-function-aws-api-proxy-test (a test dependency) starts an HTTP server with every context.
            "micronaut.server.port", "-1",
            // Beans of shared that need secrets fall back to development defaults only for local/test stages.
            "penguinmails.stage", "test");

    private HandlerTestProperties() { }

    static void set() {
        PROPERTIES.forEach(System::setProperty);
    }

    static void clear() {
        PROPERTIES.keySet().forEach(System::clearProperty);
    }
}

package dev.penguinmails.local.docs;

import dev.penguinmails.local.http.GatewayRequest;
import dev.penguinmails.local.http.HttpReply;
import dev.penguinmails.local.http.LocalEndpoint;
import dev.penguinmails.local.http.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Serves the merged OpenAPI document at {@code /openapi.yml} and Swagger UI at {@code /docs}, from the
 * swagger-ui webjar on the local stack's classpath.
 */
public final class DocsEndpoint implements LocalEndpoint {
    public static final String SPEC_PATH = "/openapi.yml";
    public static final String UI_PATH = "/docs";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final Supplier<String> spec;
    private final String webjarRoot;

    /** @param spec the merged OpenAPI YAML (computed once by the caller) */
    public DocsEndpoint(Supplier<String> spec) {
        this.spec = spec;
        this.webjarRoot = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    }

    @Override
    public boolean accepts(String path) {
        return path.equals(SPEC_PATH) || path.equals(UI_PATH) || path.startsWith(UI_PATH + "/");
    }

    @Override
    public HttpReply handle(GatewayRequest request) {
        String path = request.rawPath();
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Problems.reply(405, "method-not-allowed", "Method Not Allowed", path + " accepts only GET.", path);
        }
        if (path.equals(SPEC_PATH)) {
            return reply("application/yaml", spec.get().getBytes(StandardCharsets.UTF_8));
        }
        String file = path.length() <= UI_PATH.length() + 1 ? "" : path.substring(UI_PATH.length() + 1);
        if (file.isEmpty() || file.equals("index.html")) {
            return reply("text/html; charset=utf-8", indexPage().getBytes(StandardCharsets.UTF_8));
        }
        if (file.contains("..") || file.contains("//")) {
            return notFound(path);
        }
        try (InputStream in = DocsEndpoint.class.getClassLoader().getResourceAsStream(webjarRoot + file)) {
            if (in == null) {
                return notFound(path);
            }
            return reply(contentType(file), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indexPage() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>PenguinMails API (local)</title>
                  <link rel="stylesheet" href="/docs/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="/docs/swagger-ui-bundle.js"></script>
                  <script src="/docs/swagger-ui-standalone-preset.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({
                      url: '/openapi.yml',
                      dom_id: '#swagger-ui',
                      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                      layout: 'StandaloneLayout'
                    });
                  </script>
                </body>
                </html>
                """;
    }

    private static String webjarVersion() {
        try (InputStream in = DocsEndpoint.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".js")) {
            return "application/javascript";
        }
        if (file.endsWith(".css")) {
            return "text/css";
        }
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (file.endsWith(".png")) {
            return "image/png";
        }
        if (file.endsWith(".map") || file.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }

    private static HttpReply reply(String contentType, byte[] body) {
        return new HttpReply(200, List.of(Map.entry("Content-Type", contentType)), body, List.of());
    }

    private static HttpReply notFound(String path) {
        return Problems.reply(404, "not-found", "Not Found", "There is no file at " + path + ".", path);
    }
}

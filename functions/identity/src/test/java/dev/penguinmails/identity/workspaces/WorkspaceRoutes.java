package dev.penguinmails.identity.workspaces;

import dev.penguinmails.shared.auth.Permission;
import dev.penguinmails.shared.auth.RequiresPermission;
import io.micronaut.web.router.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every workspace route ({@code /v1/workspaces/{workspaceId}/...}) as the generated OpenAPI documents
 * ({@code META-INF/swagger/*.yml} of this module), with the permission its handler requires. Tests that
 * enumerate routes this way cover each route added later without being edited.
 */
public final class WorkspaceRoutes {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private WorkspaceRoutes() { }

    /** One documented operation on a workspace route. */
    public record Operation(String method, String path, Optional<Permission> permission) {
        /** The path with each {@code {variable}} replaced by its value; unknown variables get an id-shaped filler. */
        public String resolve(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "x_01JD5Q2X7V4G0ZK3M8N6P9R2TS")));
            }
            m.appendTail(out);
            return out.toString();
        }

        public boolean hasBody() {
            return method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The documented workspace operations, each with the permission of the route that serves it. */
    public static List<Operation> documented(ClassLoader classLoader, Router router) {
        List<Operation> operations = new ArrayList<>();
        for (Path spec : specs(classLoader)) {
            try (InputStream in = Files.newInputStream(spec)) {
                Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                if (!(document instanceof Map<?, ?> root) || !(root.get("paths") instanceof Map<?, ?> paths)) {
                    continue;
                }
                paths.forEach((path, item) -> {
                    if (path.toString().contains("{workspaceId}") && item instanceof Map<?, ?> methods) {
                        methods.keySet().stream().map(Object::toString).filter(METHODS::contains).sorted().forEach(method ->
                                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.toString(),
                                        permissionOf(router, method, path.toString()))));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return operations;
    }

    private static Optional<Permission> permissionOf(Router router, String method, String path) {
        return router.uriRoutes()
                .filter(r -> r.getHttpMethodName().equalsIgnoreCase(method))
                .filter(r -> r.getUriMatchTemplate().toPathString().equals(path))
                .findFirst()
                .flatMap(r -> r.getAnnotationMetadata().enumValue(RequiresPermission.class, Permission.class));
    }

    private static List<Path> specs(ClassLoader classLoader) {
        List<Path> specs = new ArrayList<>();
        try {
            for (URL directory : Collections.list(classLoader.getResources("META-INF/swagger"))) {
                if (!"file".equals(directory.getProtocol())) {
                    continue;
                }
                try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                    files.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(specs::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return specs;
    }
}

package dev.penguinmails.testsupport.openapi;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps the OpenAPI document in step with the code: compares the routes a function serves with the
 * operations in the spec(s) micronaut-openapi generated at {@code META-INF/swagger/*.yml}. A function's
 * test asserts that {@link Report#undocumented()} (and usually {@link Report#stale()}) is empty.
 * Routes marked {@link Hidden}, and HEAD/OPTIONS, are not public API and are not checked.
 */
public final class OpenApiCoverage {
    public static final String SPEC_DIRECTORY = "META-INF/swagger";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern OPTIONAL_SEGMENT = Pattern.compile("\\{/([^}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    private OpenApiCoverage() { }

    /** Public routes and spec operations, each as {@code "METHOD /path/{}"}, and how they differ. */
    public record Report(Set<String> routes, Set<String> documented) {
        /** Routes the spec does not describe. */
        public List<String> undocumented() {
            return routes.stream().filter(r -> !documented.contains(r)).sorted().toList();
        }

        /** Operations in the spec that no route serves any more. */
        public List<String> stale() {
            return documented.stream().filter(d -> !routes.contains(d)).sorted().toList();
        }
    }

    public static Report check(ApplicationContext context) {
        return check(context.getBean(Router.class), context.getClassLoader());
    }

    public static Report check(Router router, ClassLoader classLoader) {
        return new Report(publicRoutes(router), documentedOperations(classLoader));
    }

    /** The routes a client can call, normalised. */
    public static Set<String> publicRoutes(Router router) {
        Set<String> routes = new TreeSet<>();
        router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD && route.getHttpMethod() != HttpMethod.OPTIONS)
                .filter(route -> !isHidden(route))
                .forEach(route -> routes.add(operation(route.getHttpMethodName(), route.getUriMatchTemplate().toPathString())));
        return routes;
    }

    /** Every operation in every spec under {@link #SPEC_DIRECTORY}, normalised. */
    public static Set<String> documentedOperations(ClassLoader classLoader) {
        Set<String> operations = new TreeSet<>();
        for (URL spec : specs(classLoader)) {
            try (InputStream in = spec.openStream()) {
                Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                if (document instanceof Map<?, ?> root && root.get("paths") instanceof Map<?, ?> paths) {
                    paths.forEach((path, item) -> {
                        if (item instanceof Map<?, ?> methods) {
                            methods.keySet().stream().map(Object::toString).filter(OPERATIONS::contains)
                                    .forEach(method -> operations.add(operation(method, path.toString())));
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + spec, e);
            }
        }
        return operations;
    }

    /** {@code "GET /v1/workspaces/{}/contacts"}: method upper-case, variables unnamed, no trailing slash. */
    public static String operation(String method, String path) {
        String normalised = VARIABLE.matcher(OPTIONAL_SEGMENT.matcher(path).replaceAll("/{$1}")).replaceAll("{}");
        if (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return method.toUpperCase(Locale.ROOT) + " " + (normalised.startsWith("/") ? normalised : "/" + normalised);
    }

    private static boolean isHidden(UriRouteInfo<?, ?> route) {
        return route.getAnnotationMetadata().hasAnnotation(Hidden.class)
                || route.getDeclaringType().isAnnotationPresent(Hidden.class);
    }

    /** The {@code .yml}/{@code .yaml} files directly in {@link #SPEC_DIRECTORY} of every classpath root. */
    public static List<URL> specs(ClassLoader classLoader) {
        List<URL> specs = new ArrayList<>();
        try {
            for (URL directory : Collections.list(classLoader.getResources(SPEC_DIRECTORY))) {
                switch (directory.getProtocol()) {
                    case "file" -> {
                        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                            for (Path file : files.filter(OpenApiCoverage::isSpec).sorted().toList()) {
                                specs.add(file.toUri().toURL());
                            }
                        }
                    }
                    case "jar" -> {
                        JarURLConnection connection = (JarURLConnection) directory.openConnection();
                        connection.setUseCaches(false);
                        try (JarFile jar = connection.getJarFile()) {
                            jar.stream().map(e -> e.getName())
                                    .filter(name -> name.startsWith(SPEC_DIRECTORY + "/")
                                            && name.indexOf('/', SPEC_DIRECTORY.length() + 1) < 0
                                            && (name.endsWith(".yml") || name.endsWith(".yaml")))
                                    .sorted()
                                    .forEach(name -> specs.add(entryUrl(connection, name)));
                        }
                    }
                    default -> throw new IllegalStateException("Cannot list specs in " + directory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return specs;
    }

    private static URL entryUrl(JarURLConnection connection, String entry) {
        try {
            return new URL("jar:" + connection.getJarFileURL() + "!/" + entry);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isSpec(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }
}

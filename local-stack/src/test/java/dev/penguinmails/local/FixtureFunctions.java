package dev.penguinmails.local;

import dev.penguinmails.local.fixtures.alpha.AlphaQueueHandler;
import dev.penguinmails.local.fixtures.alpha.AlphaDeployStep;
import dev.penguinmails.local.fixtures.alpha.AlphaFailingStep;
import dev.penguinmails.local.fixtures.alpha.AlphaTickHandler;
import dev.penguinmails.topology.DeploymentHandler;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.HttpApiHandler;
import dev.penguinmails.topology.HttpRoute;
import dev.penguinmails.topology.QueueHandler;
import dev.penguinmails.topology.QueueSpec;
import dev.penguinmails.topology.ScheduledHandler;
import dev.penguinmails.topology.TableSpec;
import dev.penguinmails.topology.Topology;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Two small function "jars" built from this module's test classes ({@code fixtures.alpha} and
 * {@code fixtures.beta}), each with the shared module and its dependencies (from the test classpath)
 * beside it, and a topology that wires them like real function families.
 */
final class FixtureFunctions {
    static final String ALPHA = "alpha";
    static final String BETA = "beta";
    private static volatile Path alphaJar;
    private static volatile Path betaJar;

    private FixtureFunctions() { }

    /** A topology with the two fixture families: alpha has an API, a queue consumer, a schedule and a deployment step. */
    static Topology topology() {
        FunctionSpec alpha = new FunctionSpec(ALPHA, 512, 3,
                Optional.of(HttpApiHandler.micronaut(Stream.of("POST /v1/alpha/echo/{id}", "GET /v1/alpha/beans",
                        "GET /v1/alpha/loader", "GET /v1/alpha/slow", "GET /v1/alpha/boom", "GET /v1/alpha/sees",
                        "GET /v1/alpha/cookies").map(HttpRoute::open).toList())),
                List.of(new QueueHandler("work", AlphaQueueHandler.class.getName(), "alpha-work", 10, 0)),
                List.of(new ScheduledHandler("tick", AlphaTickHandler.class.getName(), "rate(1 hour)")),
                new FunctionSpec.Access(List.of(ALPHA), List.of(), List.of(), false, false))
                .withDeploymentHandlers(new DeploymentHandler("deploy", AlphaDeployStep.class.getName()));
        FunctionSpec beta = new FunctionSpec(BETA, 512, 10,
                Optional.of(HttpApiHandler.micronaut(Stream.of("GET /v1/beta/beans", "GET /v1/beta/sees")
                        .map(HttpRoute::open).toList())),
                List.of(), List.of(), new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false));
        return new Topology("fixtures", List.of(TableSpec.standard(ALPHA)), List.of(),
                List.of(new QueueSpec("alpha-work", 18, 2, 3600)), "fixtures", List.of(), List.of(alpha, beta));
    }

    /** The fixture topology, with alpha's deployment step replaced by one that fails. */
    static Topology topologyWithAFailingDeploymentStep() {
        Topology fixtures = topology();
        List<FunctionSpec> functions = fixtures.functions().stream().map(f -> f.family().equals(ALPHA)
                ? f.withDeploymentHandlers(new DeploymentHandler("deploy", AlphaFailingStep.class.getName())) : f).toList();
        return new Topology(fixtures.name(), fixtures.tables(), fixtures.buckets(), fixtures.queues(), fixtures.eventBus(),
                fixtures.rules(), functions, fixtures.databases());
    }

    /** Where each fixture family's code is. */
    static FunctionClasspath classpath() {
        return function -> switch (function.family()) {
            case ALPHA -> withDependencies(alphaJar());
            case BETA -> withDependencies(betaJar());
            default -> throw new IllegalArgumentException(function.family());
        };
    }

    static synchronized Path alphaJar() {
        if (alphaJar == null) {
            alphaJar = buildJar(ALPHA, "fixtures/alpha-openapi.yml");
        }
        return alphaJar;
    }

    static synchronized Path betaJar() {
        if (betaJar == null) {
            betaJar = buildJar(BETA, null);
        }
        return betaJar;
    }

    static List<Path> withDependencies(Path jar) {
        List<Path> classpath = new ArrayList<>();
        classpath.add(jar);
        classpath.addAll(dependencies());
        return classpath;
    }

    /** The test classpath without this module's own classes: what a function jar would bundle, and more. */
    static List<Path> dependencies() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path own = testClasses().getParent();
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .filter(p -> !p.toAbsolutePath().startsWith(own.toAbsolutePath()))
                .toList();
    }

    private static Path buildJar(String family, String openApiResource) {
        Path classes = testClasses();
        String packagePath = "dev/penguinmails/local/fixtures/" + family + "/";
        String packageName = "dev.penguinmails.local.fixtures." + family + ".";
        try {
            Path jar = Files.createTempFile("fixture-" + family + "-", ".jar");
            jar.toFile().deleteOnExit();
            Set<String> directories = new HashSet<>();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                    boolean ours = name.startsWith(packagePath)
                            || (name.startsWith("META-INF/micronaut/") && name.substring(name.lastIndexOf('/') + 1)
                                    .startsWith(packageName));
                    if (ours) {
                        addDirectories(out, name, directories);
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
                if (openApiResource != null) {
                    addDirectories(out, "META-INF/swagger/" + family + ".yml", directories);
                    out.putNextEntry(new JarEntry("META-INF/swagger/" + family + ".yml"));
                    try (InputStream in = FixtureFunctions.class.getClassLoader().getResourceAsStream(openApiResource)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds the folder entries above {@code name}: Micronaut lists its service folders
     * ({@code META-INF/micronaut/...}) through the class loader, which finds a folder only if the jar has its entry.
     */
    private static void addDirectories(JarOutputStream out, String name, Set<String> added) throws IOException {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            String directory = name.substring(0, slash + 1);
            if (added.add(directory)) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(FixtureFunctions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

}

package dev.penguinmails.local;

import dev.penguinmails.topology.ConfigKeys;
import dev.penguinmails.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The fixture functions for tests in other packages of this module. */
public final class FixtureAccess {
    private FixtureAccess() { }

    /** The topology of the two fixture families (alpha has an API, the queue alpha-work and the schedule tick). */
    public static Topology topology() {
        return FixtureFunctions.topology();
    }

    public static FunctionClasspath classpath() {
        return FixtureFunctions.classpath();
    }

    public static List<Path> alphaClasspath() {
        return FixtureFunctions.withDependencies(FixtureFunctions.alphaJar());
    }

    public static List<Path> betaClasspath() {
        return FixtureFunctions.withDependencies(FixtureFunctions.betaJar());
    }

    /** The beta jar alone, without the shared module beside it. */
    public static Path betaJarOnly() {
        return FixtureFunctions.betaJar();
    }

    /**
     * What shared's beans need when a function runs outside a local stack: a stage (for development
     * defaults of secrets).
     */
    public static Map<String, String> functionEnvironment() {
        return Map.of(ConfigKeys.STAGE, "local");
    }

    /** The repository root: the nearest folder above this module with a {@code topology} module. */
    public static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("topology")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the project");
    }
}

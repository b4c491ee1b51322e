package dev.penguinmails.cdk;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.penguinmails.topology.FunctionSpec;

/**
 * Where the project's files are: the repository root (found from this module's directory) and the
 * function jars that the Lambdas are deployed from.
 *
 * @param root the repository root, holding the root pom and this module
 */
public record RepositoryLayout(Path root) {

    /** This module's folder under the root. */
    public static final String MODULE = "infrastructure-cdk";

    /** Overrides the root, e.g. when the app runs from elsewhere than the module or the repository. */
    public static final String ROOT_PROPERTY = "penguinmails.repoRoot";

    public RepositoryLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** The root named by {@value #ROOT_PROPERTY}, else the nearest folder upwards of the working directory that holds this module. */
    public static RepositoryLayout locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new RepositoryLayout(Path.of(configured));
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve(MODULE).resolve("pom.xml"))) {
                return new RepositoryLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with pom.xml and " + MODULE
                + "/) above " + start + "; run from the repository or set -D" + ROOT_PROPERTY);
    }

    /** This module's folder. */
    public Path moduleDirectory() {
        return root.resolve(MODULE);
    }

    /** Where a synth from Maven writes the cloud assembly when CDK_OUTDIR is not set. */
    public Path defaultOutputDirectory() {
        return moduleDirectory().resolve("target").resolve("cdk.out");
    }

    /** The family's built Lambda jar; fails with the command that builds it when it is missing. */
    public Path functionJar(FunctionSpec function) {
        Path jar = root.resolve(function.jarPath());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the Lambda jar of function '" + function.family() + "' is missing: "
                    + jar + ". Build the functions first, e.g. `mvn -B -pl " + function.moduleDirectory()
                    + " -am package -DskipTests` in " + root + " (the full reactor build does it before this module).");
        }
        return jar;
    }
}

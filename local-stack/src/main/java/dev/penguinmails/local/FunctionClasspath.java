package dev.penguinmails.local;

import dev.penguinmails.topology.FunctionSpec;
import java.nio.file.Path;
import java.util.List;

/** Where a function family's code is: its Lambda jar, or (in tests) any list of jars and folders. */
@FunctionalInterface
public interface FunctionClasspath {

    List<Path> of(FunctionSpec function);

    /** The deployable jar each module builds, {@link FunctionSpec#jarPath()} under the project root. */
    static FunctionClasspath builtJars(Path projectRoot) {
        return function -> List.of(projectRoot.resolve(function.jarPath()));
    }
}

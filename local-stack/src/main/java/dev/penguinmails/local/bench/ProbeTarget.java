package dev.penguinmails.local.bench;

import dev.penguinmails.local.FunctionClasspath;
import dev.penguinmails.topology.EntryPoint;
import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The entry point a probe invokes, found in the topology, and the function's code as the local stack loads it. */
public record ProbeTarget(FunctionSpec function, EntryPoint entryPoint, List<Path> classpath) {

    public ProbeTarget {
        classpath = List.copyOf(classpath);
    }

    /**
     * Looks the entry point up.
     *
     * @throws ProbeException (exit code 2) naming what exists when the family or entry point does not,
     *                        or when the function's jar has not been built
     */
    public static ProbeTarget find(Topology topology, FunctionClasspath classpath, String family, String entryPoint) {
        FunctionSpec function = topology.functions().stream().filter(f -> f.family().equals(family)).findFirst()
                .orElseThrow(() -> new ProbeException(ProbeException.USAGE, "There is no function " + family
                        + " in the topology; there are " + topology.functions().stream().map(FunctionSpec::family)
                        .collect(Collectors.joining(", ")) + "."));
        EntryPoint entry = function.entryPoints().filter(e -> e.name().equals(entryPoint)).findFirst()
                .orElseThrow(() -> new ProbeException(ProbeException.USAGE, "The function " + family
                        + " has no entry point " + entryPoint + "; it has " + function.entryPoints()
                        .map(EntryPoint::name).collect(Collectors.joining(", ")) + "."));
        List<Path> code = classpath.of(function);
        for (Path path : code) {
            if (!Files.exists(path)) {
                throw new ProbeException(ProbeException.USAGE, "The " + family + " function's jar " + path
                        + " does not exist; build it (mvn -DskipTests install) or pass --project-root.");
            }
        }
        return new ProbeTarget(function, entry, code);
    }

    /** The Lambda's name, as the local stack names it: {@code <prefix><family>-<entry point>}. */
    public String functionName(String namePrefix) {
        return namePrefix + function.family() + "-" + entryPoint.name();
    }
}

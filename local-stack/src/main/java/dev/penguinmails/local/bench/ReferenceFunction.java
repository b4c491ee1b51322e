package dev.penguinmails.local.bench;

import dev.penguinmails.topology.FunctionSpec;
import dev.penguinmails.topology.HttpApiHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The cold-start reference: the smallest function a family can be (module {@value #MODULE}, one controller at
 * {@code GET /reference} behind the same API Gateway v2 handler, built and packaged as the families are). It is
 * not in the topology and never deployed; the bench measures it in every run so that each entry point's cold
 * start can be read as a ratio to it, which holds across machines and days where milliseconds do not.
 */
public final class ReferenceFunction {
    /** The name the reference's reports carry in place of a family. */
    public static final String FAMILY = "reference";
    public static final String MODULE = "local-stack/reference-function";
    public static final String JAR = MODULE + "/target/reference-lambda.jar";
    public static final String ROUTE = "GET /reference";
    /** The memory the reference is given when no family's memory is asked for: the families' usual size. */
    public static final int DEFAULT_MEMORY_MB = 1024;
    private static final int TIMEOUT_SECONDS = 20;

    private ReferenceFunction() { }

    /** The reference as a function of {@code memoryMb} with one HTTP API entry point and no access to anything. */
    public static FunctionSpec spec(int memoryMb) {
        return new FunctionSpec(FAMILY, memoryMb, TIMEOUT_SECONDS, Optional.of(HttpApiHandler.micronaut(ROUTE)),
                List.of(), List.of(), new FunctionSpec.Access(List.of(), List.of(), List.of(), false, false));
    }

    /**
     * The reference's entry point and jar under {@code projectRoot}.
     *
     * @throws ProbeException (exit code 2) when the jar has not been built
     */
    public static ProbeTarget target(Path projectRoot, int memoryMb) {
        Path jar = projectRoot.resolve(JAR);
        if (!Files.exists(jar)) {
            throw new ProbeException(ProbeException.USAGE, "The reference function's jar " + jar
                    + " does not exist; build it (mvn -pl " + MODULE + " -am package -DskipTests) or pass --project-root.");
        }
        FunctionSpec spec = spec(memoryMb);
        return new ProbeTarget(spec, spec.httpApi().orElseThrow(), List.of(jar));
    }
}

package dev.penguinmails.shared.aws;

import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.value.PropertyResolver;
import java.util.Optional;
import java.util.Set;

/**
 * Which stages may fall back to development keys and secrets: only {@code local} and {@code test}. Every
 * other stage is a deployed one and must be given real ones, or refuse to start.
 */
public final class Stages {
    /** The stages that run on one machine, against emulators, with generated or default secrets. */
    public static final Set<String> DEVELOPMENT = Set.of("local", "test");

    private Stages() { }

    /** Whether {@code stage} may use development defaults; a missing stage may not. */
    public static boolean development(@Nullable String stage) {
        return stage != null && DEVELOPMENT.contains(stage);
    }

    /** The configured {@value ConfigKeys#STAGE}, if any. */
    public static Optional<String> of(PropertyResolver config) {
        return config.getProperty(ConfigKeys.STAGE, String.class).filter(s -> !s.isBlank());
    }

    /**
     * Whether this process is a deployed function that must load its secrets while it starts: a stage
     * other than local or test, or no stage at all inside a Lambda runtime (where CDK always sets one, so
     * its absence is itself a broken deployment). A context without a stage outside Lambda (a unit test)
     * is not checked at startup; its beans still refuse development defaults when first used.
     */
    public static boolean deployed(PropertyResolver config) {
        Optional<String> stage = of(config);
        return stage.map(s -> !development(s)).orElseGet(Stages::insideLambda);
    }

    private static boolean insideLambda() {
        // Set by the Lambda runtime itself; the local stack runs handlers in its own JVM without it.
        return System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null;
    }
}

package dev.penguinmails.shared.aws;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what a deployed function cannot run without (keys, secrets) while it starts, so that a missing or
 * unreadable one stops it before it takes traffic, with one log line that says what is wrong: the
 * operator reads that line, not a chain of bean-instantiation errors.
 */
public final class StartupSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(StartupSecrets.class);

    private StartupSecrets() { }

    /**
     * In a deployed function ({@link Stages#deployed}) runs {@code loader} as {@link #load} does; elsewhere does
     * nothing. The stage is checked here, at run time, rather than in a bean condition, because Micronaut AOT
     * evaluates bean conditions when the jar is built and would drop these checks from every deployed jar.
     */
    public static void loadWhenDeployed(PropertyResolver config, String what, Supplier<?> loader) {
        if (Stages.deployed(config)) {
            load(Stages.of(config).orElse("(none)"), what, loader);
        }
    }

    /** The result of {@code loader}; if it fails, logs one error line and throws a {@link ConfigurationException}. */
    public static <T> T load(String stage, String what, Supplier<T> loader) {
        try {
            return loader.get();
        } catch (RuntimeException e) {
            String reason = reason(e);
            // No throwable: one line. The exception itself still reaches the Lambda runtime's init error.
            LOG.error("Refusing to start on stage '{}': {} could not be loaded: {}", stage, what, reason);
            throw new ConfigurationException("Refusing to start on stage '" + stage + "': " + what
                    + " could not be loaded: " + reason, e);
        }
    }

    /** Our own configuration message where there is one (it names the keys), else the deepest cause's. */
    static String reason(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException && t.getMessage() != null) {
                return t.getMessage();
            }
            deepest = t;
        }
        return deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
    }
}

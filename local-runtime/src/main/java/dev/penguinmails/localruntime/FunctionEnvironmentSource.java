package dev.penguinmails.localruntime;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import java.util.Map;

/**
 * Hands every Micronaut context of this function its own environment, as Lambda hands a function its
 * environment variables. The local stack feeds it through {@link LocalInvoker#configure} before any
 * handler is built; because this class is loaded by the function's own class loader, each function
 * sees its own environment and no other function's, and nothing is published as a system property.
 */
public final class FunctionEnvironmentSource implements ApplicationContextConfigurer {
    static final String NAME = "lambda-environment";

    private static volatile Map<String, Object> environment = Map.of();

    static void set(Map<String, String> properties) {
        environment = Map.copyOf(properties);
    }

    /** The environment this function was given, as properties. */
    static Map<String, Object> get() {
        return environment;
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        // The rank of environment variables: above the function's application.properties, as on AWS.
        builder.propertySources(PropertySource.of(NAME, environment, EnvironmentPropertySource.POSITION));
    }
}

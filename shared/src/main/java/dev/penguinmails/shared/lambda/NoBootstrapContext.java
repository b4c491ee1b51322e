package dev.penguinmails.shared.lambda;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;

/**
 * Builds every function's context without Micronaut's bootstrap context, which exists for distributed
 * configuration (a config server read before the application context). Functions have none, and checking
 * for one scanned every bean definition of the jar during each cold start.
 */
public final class NoBootstrapContext implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.bootstrapEnvironment(false);
    }
}

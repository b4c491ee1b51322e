package dev.penguinmails.shared.pagination;

import dev.penguinmails.shared.aws.StartupSecrets;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

/**
 * In a deployed function, builds the {@link CursorCodec} while the function starts, so that its secret is
 * read from Secrets Manager once, during init, and a missing or unreadable secret stops the function with
 * one log line instead of failing the first list request.
 */
@Context
final class CursorSecretAtStartup {
    CursorSecretAtStartup(Environment environment, BeanProvider<CursorCodec> cursors) {
        StartupSecrets.loadWhenDeployed(environment, "the cursor secret", cursors::get);
    }
}

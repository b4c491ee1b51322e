package dev.penguinmails.shared.pagination;

import dev.penguinmails.shared.aws.DeployedStageCondition;
import dev.penguinmails.shared.aws.StartupSecrets;
import dev.penguinmails.shared.aws.Stages;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;

/**
 * In a deployed function, builds the {@link CursorCodec} while the function starts, so that its secret is
 * read from Secrets Manager once, during init, and a missing or unreadable secret stops the function with
 * one log line instead of failing the first list request.
 */
@Context
@Requires(condition = DeployedStageCondition.class)
final class CursorSecretAtStartup {
    CursorSecretAtStartup(Environment environment, BeanProvider<CursorCodec> cursors) {
        StartupSecrets.load(Stages.of(environment).orElse("(none)"), "the cursor secret", cursors::get);
    }
}

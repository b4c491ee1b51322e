package dev.penguinmails.shared.idempotency;

import dev.penguinmails.shared.aws.StartupSecrets;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;

/**
 * In a deployed function that honours Idempotency-Key, derives the request-hash key while the function
 * starts, so that a missing secret stops it with one log line instead of failing the first keyed POST.
 */
@Context
@Requires(bean = IdempotencyStore.class)
final class IdempotencySecretAtStartup {
    IdempotencySecretAtStartup(Environment environment, BeanProvider<RequestFingerprints> fingerprints) {
        StartupSecrets.loadWhenDeployed(environment, "the idempotency request-hash key", fingerprints::get);
    }
}

package dev.penguinmails.identity.accesstokens;

import dev.penguinmails.shared.aws.StartupSecrets;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

/**
 * In a deployed function, builds {@link AccessTokens} while the function starts: a missing key stops it
 * with one log line instead of failing its first request, and the KMS public key is read during init
 * (with SnapStart, once per published version rather than once per request path).
 */
@Context
final class AccessTokensAtStartup {
    AccessTokensAtStartup(Environment environment, BeanProvider<AccessTokens> tokens) {
        StartupSecrets.loadWhenDeployed(environment, "the access-token keys", tokens::get);
    }
}

package dev.penguinmails.identity.emails;

import dev.penguinmails.shared.aws.StartupSecrets;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

/**
 * In a deployed function, checks the email settings while the function starts, so that a missing sender or
 * a missing or non-https link base stops it with one log line instead of mailing bad links later.
 */
@Context
final class MailSettingsAtStartup {
    MailSettingsAtStartup(Environment environment, BeanProvider<MailSettings> settings) {
        StartupSecrets.loadWhenDeployed(environment, "the email settings", settings::get);
    }
}

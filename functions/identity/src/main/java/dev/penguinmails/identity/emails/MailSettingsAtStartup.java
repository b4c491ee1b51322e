package dev.penguinmails.identity.emails;

import dev.penguinmails.shared.aws.DeployedStageCondition;
import dev.penguinmails.shared.aws.StartupSecrets;
import dev.penguinmails.shared.aws.Stages;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;

/**
 * In a deployed function, checks the email settings while the function starts, so that a missing sender or
 * a missing or non-https link base stops it with one log line instead of mailing bad links later.
 */
@Context
@Requires(condition = DeployedStageCondition.class)
final class MailSettingsAtStartup {
    MailSettingsAtStartup(Environment environment, BeanProvider<MailSettings> settings) {
        StartupSecrets.load(Stages.of(environment).orElse("(none)"), "the email settings", settings::get);
    }
}

package dev.penguinmails.identity.emails;

import dev.penguinmails.shared.aws.Stages;
import dev.penguinmails.topology.ConfigKeys;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;

/**
 * Sends account emails through SES v2 (locally: aws-ses-v2-local, which forwards them to GreenMail),
 * from {@code penguinmails.mail.from} ({@link MailSettings}), naming the configuration set
 * {@code penguinmails.email.configuration-set} on every send so that SES publishes its bounces and
 * complaints to the bus. A deployed stage must set it; only the local and test stages may send without.
 */
@Singleton
public class SesMailTransport implements MailTransport {
    // A provider: the HTTP API's context creates this transport too, and should not build an SES client for it.
    private final BeanProvider<SesV2Client> ses;
    private final String from;
    private final Optional<String> configurationSet;

    @Inject
    public SesMailTransport(BeanProvider<SesV2Client> ses, MailSettings settings, Environment environment) {
        this(ses, settings, environment.getProperty(ConfigKeys.EMAIL_CONFIGURATION_SET, String.class).orElse(null),
                Stages.of(environment).orElse(null));
    }

    /**
     * @throws ConfigurationException when a deployed stage names no configuration set: its bounces would
     *                                never reach the bus
     */
    public SesMailTransport(BeanProvider<SesV2Client> ses, MailSettings settings, @Nullable String configurationSet,
                            @Nullable String stage) {
        this.ses = ses;
        this.from = settings.from();
        this.configurationSet = Optional.ofNullable(configurationSet).map(String::strip).filter(s -> !s.isEmpty());
        if (this.configurationSet.isEmpty() && !Stages.development(stage)) {
            throw new ConfigurationException(ConfigKeys.EMAIL_CONFIGURATION_SET + " is not set; only the local and "
                    + "test stages may send without a configuration set (the stage is '" + stage + "')");
        }
    }

    @Override
    public void send(OutgoingEmail email) {
        ses.get().sendEmail(r -> r.fromEmailAddress(from)
                .configurationSetName(configurationSet.orElse(null))
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(Message.builder()
                        .subject(utf8(email.subject()))
                        .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
                        .build())));
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }
}

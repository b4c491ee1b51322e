package dev.penguinmails.sending.sender;

import dev.penguinmails.sending.messages.MimeMessages;
import dev.penguinmails.sending.transport.SesRawTransport;
import dev.penguinmails.sending.transport.SmtpTransport;
import dev.penguinmails.shared.aws.AwsClients;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The sender's plain pieces as beans: one SMTP pool per function instance (connections reused per mailbox). */
@Factory
class SenderBeans {
    @Singleton
    @Bean(preDestroy = "close")
    SmtpTransport smtpTransport(SenderSettings settings) {
        return new SmtpTransport(settings.smtp());
    }

    @Singleton
    MimeMessages mimeMessages() {
        return new MimeMessages();
    }

    @Singleton
    SesRawTransport sesRawTransport(@Named(AwsClients.SES_SENDS) BeanProvider<SesV2Client> ses, SenderSettings settings) {
        return new SesRawTransport(ses::get, settings.configurationSet().isBlank() ? null : settings.configurationSet());
    }
}

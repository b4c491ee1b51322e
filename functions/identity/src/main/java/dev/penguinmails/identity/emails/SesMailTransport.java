package dev.penguinmails.identity.emails;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;

/**
 * Sends account emails through SES v2 (locally: aws-ses-v2-local, which forwards them to GreenMail),
 * from {@code penguinmails.mail.from} ({@link MailSettings}).
 */
@Singleton
public class SesMailTransport implements MailTransport {
    // A provider: the HTTP API's context creates this transport too, and should not build an SES client for it.
    private final BeanProvider<SesV2Client> ses;
    private final String from;

    public SesMailTransport(BeanProvider<SesV2Client> ses, MailSettings settings) {
        this.ses = ses;
        this.from = settings.from();
    }

    @Override
    public void send(OutgoingEmail email) {
        ses.get().sendEmail(r -> r.fromEmailAddress(from)
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

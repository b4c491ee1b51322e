package dev.penguinmails.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

@Tag("integration")
class SesLocalTest {

    @Test
    void anSesV2SendEmailArrivesInGreenMailAndInTheStore() throws Exception {
        LocalAws aws = SharedLocalAws.get();
        String to = "welcome-" + System.nanoTime() + "@example.test";

        SendEmailResponse sent = aws.clients().sesV2().sendEmail(b -> b
                .fromEmailAddress("hello@penguinmails.dev")
                .destination(d -> d.toAddresses(to))
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(Content.builder().data("Welcome aboard").build())
                        .body(Body.builder().text(Content.builder().data("Hi there").build()).build())
                        .build()).build()));

        assertThat(sent.messageId()).isNotBlank();
        long deadline = System.currentTimeMillis() + 10_000;
        MimeMessage received = null;
        while (received == null && System.currentTimeMillis() < deadline) {
            received = Arrays.stream(aws.greenMail().greenMail().getReceivedMessages())
                    .filter(m -> recipients(m).contains(to)).findFirst().orElse(null);
            if (received == null) {
                Thread.sleep(50);
            }
        }
        assertThat(received).as("mail to %s in GreenMail", to).isNotNull();
        assertThat(received.getSubject()).isEqualTo("Welcome aboard");
        assertThat(received.getFrom()[0].toString()).isEqualTo("hello@penguinmails.dev");
        assertThat(aws.ses().store()).contains(to).contains("Welcome aboard");
    }

    @Test
    void getAccountAnswersAndTheViewerIsServed() throws Exception {
        LocalAws aws = SharedLocalAws.get();

        assertThat(aws.clients().sesV2().getAccount(b -> { }).sendingEnabled()).isTrue();
        HttpResponse<String> viewer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(aws.endpoints().mailViewer()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.body()).containsIgnoringCase("<html");
        assertThat(aws.endpoints().mailViewer()).isEqualTo(URI.create(aws.endpoints().sesv2() + "/"));
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

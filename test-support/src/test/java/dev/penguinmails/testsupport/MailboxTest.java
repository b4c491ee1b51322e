package dev.penguinmails.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penguinmails.emulators.LocalAws;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;

@LocalAwsTest
@Tag("integration")
class MailboxTest {

    @Test
    void waitsForMailSentThroughSesAndCountsItOncePerRecipient(LocalAws aws, Mailbox mailbox) throws Exception {
        String ann = unique("ann");
        String bob = unique("bob");

        send(aws, "First", ann, bob);
        send(aws, "Second", ann);

        List<MimeMessage> toAnn = mailbox.awaitMessagesTo(ann, 2, Duration.ofSeconds(10));
        // SES forwards each mail on its own, so arrival order is not send order.
        assertThat(toAnn).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("First", "Second");
        assertThat(mailbox.awaitMessagesTo(bob, 1, Duration.ofSeconds(10))).extracting(MimeMessage::getSubject)
                .containsExactly("First");
    }

    @Test
    void saysWhatArrivedWhenTooLittleArrivesInTime(LocalAws aws, Mailbox mailbox) {
        String cid = unique("cid");
        send(aws, "Only one", cid);
        mailbox.awaitMessagesTo(cid, 1, Duration.ofSeconds(10));

        assertThatThrownBy(() -> mailbox.awaitMessagesTo(cid, 2, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 2 message(s) to " + cid)
                .hasMessageContaining("but 1 arrived")
                .hasMessageContaining("\"Only one\"");
        assertThat(mailbox.messagesTo(unique("nobody"))).isEmpty();
    }

    @Test
    void purgeEmptiesTheMailboxesAndTheSesStore(LocalAws aws, Mailbox mailbox) {
        String dee = unique("dee");
        send(aws, "To be purged", dee);
        mailbox.awaitMessagesTo(dee, 1, Duration.ofSeconds(10));
        assertThat(aws.ses().store()).contains(dee);

        mailbox.purge();

        assertThat(mailbox.messagesTo(dee)).isEmpty();
        assertThat(aws.ses().store()).doesNotContain(dee);
    }

    private static void send(LocalAws aws, String subject, String... to) {
        aws.clients().sesV2().sendEmail(b -> b.fromEmailAddress("noreply@penguinmails.dev")
                .destination(d -> d.toAddresses(to))
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(Content.builder().data(subject).build())
                        .body(Body.builder().text(Content.builder().data("body").build()).build()).build()).build()));
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() + "@example.test";
    }
}

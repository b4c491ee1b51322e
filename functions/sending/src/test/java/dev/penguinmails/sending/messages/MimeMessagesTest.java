package dev.penguinmails.sending.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MimeMessagesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
    private final MimeMessages messages = new MimeMessages();

    static OutgoingMessage message(String subject, Conversation thread) {
        return new OutgoingMessage(new Address("ana@mail.acme.io", "Ana Müller"), new Address("bob@example.io", "Bob"),
                subject, "Hallo Bob,\nwie geht's? Grüße", "<p>Hallo <b>Bob</b>, wie geht's? Grüße</p>", "msg_01J9ZX",
                URI.create("mailto:unsubscribe@mail.acme.io?subject=unsubscribe%3Atok"),
                URI.create("https://u.penguinmails.dev/u/tok"), thread, NOW);
    }

    static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    @Test
    void buildsMultipartAlternativeWithEveryHeader() throws Exception {
        BuiltMessage built = messages.build(message("Grüße aus Köln", null));
        String raw = new String(built.raw(), StandardCharsets.US_ASCII);
        MimeMessage parsed = parse(built.raw());

        assertThat(raw).doesNotContain("ü").contains("\r\n");
        assertThat(raw).contains("Subject: =?UTF-8?");
        assertThat(parsed.getSubject()).isEqualTo("Grüße aus Köln");
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("ana@mail.acme.io");
        assertThat(from.getPersonal()).isEqualTo("Ana Müller");
        assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("Bob <bob@example.io>");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(parsed.getMessageID()).isEqualTo("<" + built.messageId() + ">").endsWith("@mail.acme.io>");
        assertThat(parsed.getHeader("List-Unsubscribe", null)).isEqualTo(
                "<mailto:unsubscribe@mail.acme.io?subject=unsubscribe%3Atok>, <https://u.penguinmails.dev/u/tok>");
        assertThat(parsed.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(parsed.getHeader(MimeMessages.TRACKING_HEADER, null)).isEqualTo("msg_01J9ZX");
        assertThat(parsed.getHeader("In-Reply-To")).isNull();
        assertThat(built.envelopeFrom()).isEqualTo("ana@mail.acme.io");
        assertThat(built.envelopeTo()).isEqualTo("bob@example.io");

        assertThat(parsed.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Hallo Bob,\r\nwie geht's? Grüße");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<b>Bob</b>", "Grüße");
        assertThat(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")[0])
                .isIn("quoted-printable", "base64");
    }

    @Test
    void followUpsThreadWithTheWholeChainAndOneRe() throws Exception {
        BuiltMessage first = messages.build(message("Quick question", null));
        BuiltMessage second = messages.build(message("Quick question", Conversation.after(first.messageId())));
        Conversation third = Conversation.after(first.messageId()).next(second.messageId());
        MimeMessage parsed = parse(messages.build(message("Re: Quick question", third)).raw());

        assertThat(parse(second.raw()).getSubject()).isEqualTo("Re: Quick question");
        assertThat(parsed.getSubject()).isEqualTo("Re: Quick question");
        assertThat(parsed.getHeader("In-Reply-To", null)).isEqualTo("<" + second.messageId() + ">");
        assertThat(parsed.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo("<" + first.messageId() + "> <" + second.messageId() + ">");
    }

    @Test
    void replySubjectsNeverStackPrefixes() {
        assertThat(Subjects.reply("Hello")).isEqualTo("Re: Hello");
        assertThat(Subjects.reply("Re: Hello")).isEqualTo("Re: Hello");
        assertThat(Subjects.reply("RE: re[2]:  Hello")).isEqualTo("Re: Hello");
        assertThat(Subjects.reply("Regarding Hello")).isEqualTo("Re: Regarding Hello");
    }

    @Test
    void messageIdsAreUniqueAndSortByTime() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(MessageIds.next("mail.acme.io", 1_000L));
        }
        assertThat(ids).hasSize(1000);
        String earlier = MessageIds.next("Mail.Acme.io", 1_764_000_000_000L);
        String later = MessageIds.next("mail.acme.io", 1_764_000_000_001L);
        assertThat(earlier).endsWith("@mail.acme.io").isLessThan(later);
        assertThatThrownBy(() -> MessageIds.next("a@b", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUnsafeInput() {
        assertThatThrownBy(() -> new Address("bob@example.io\r\nBcc: x@y.io", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMessage(Address.of("a@acme.io"), Address.of("b@example.io"), "s", "t", "h",
                "bob@example.io", URI.create("mailto:u@acme.io"), URI.create("https://u.io/t"), null, NOW))
                .hasMessageContaining("tracking id");
        assertThatThrownBy(() -> new OutgoingMessage(Address.of("a@acme.io"), Address.of("b@example.io"), "s", "t", "h",
                "m1", URI.create("mailto:u@acme.io"), URI.create("http://u.io/t"), null, NOW))
                .hasMessageContaining("https");
        assertThat(new OutgoingMessage(Address.of("a@acme.io"), Address.of("b@example.io"), "s", "t", "h", "m1",
                URI.create("mailto:u@acme.io"), URI.create("http://127.0.0.1:8080/v1/u/t"), null, NOW).unsubscribeHttps())
                .as("the local stack's API on loopback").hasScheme("http");
        assertThatThrownBy(() -> new Conversation("b", List.of("a"))).hasMessageContaining("must end");
    }
}

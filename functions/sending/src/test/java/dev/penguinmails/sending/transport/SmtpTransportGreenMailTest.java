package dev.penguinmails.sending.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.penguinmails.emulators.GreenMailServer;
import dev.penguinmails.sending.dkim.DkimMessageSigner;
import dev.penguinmails.sending.dkim.DkimSigningKey;
import dev.penguinmails.sending.messages.Address;
import dev.penguinmails.sending.messages.BuiltMessage;
import dev.penguinmails.sending.messages.MimeMessages;
import dev.penguinmails.sending.messages.OutgoingMessage;
import dev.penguinmails.sending.transport.SendResult.Sent;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.james.jdkim.DKIMVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class SmtpTransportGreenMailTest {
    private static GreenMailServer greenMail;
    private static KeyPair pair;
    private static DkimMessageSigner signer;
    private final MimeMessages messages = new MimeMessages();

    @BeforeAll
    static void start() throws Exception {
        greenMail = GreenMailServer.start(0, 0);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
        signer = new DkimMessageSigner(new DkimSigningKey("mail.acme.io", "pm1", pair.getPrivate()));
    }

    @AfterAll
    static void stop() {
        greenMail.close();
    }

    @BeforeEach
    void purge() {
        greenMail.purge();
    }

    private SmtpAccount account(String mailboxId) {
        return new SmtpAccount(mailboxId, "127.0.0.1", greenMail.smtpPort(), "none", null, null);
    }

    private BuiltMessage message(String to, String tracking) {
        return messages.build(new OutgoingMessage(new Address("ana@mail.acme.io", "Ana"), Address.of(to),
                "Über the pool", "Text part", "<p>HTML part</p>", tracking, URI.create("mailto:u@mail.acme.io"),
                URI.create("https://u.penguinmails.dev/u/t"), null, Instant.now()));
    }

    @Test
    void deliversSignedMessagesIntactOverOneReusedConnection() throws Exception {
        try (SmtpTransport transport = new SmtpTransport(SmtpSettings.DEFAULTS)) {
            MailTransport mailbox = transport.forMailbox(account("mb_reuse"));
            List<BuiltMessage> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                BuiltMessage built = message("bob" + i + "@example.io", "msg_" + i);
                assertThat(mailbox.send(built.envelopeFrom(), built.envelopeTo(), signer.sign(built.raw())))
                        .isInstanceOf(Sent.class);
                sent.add(built);
            }
            assertThat(transport.connectionsOpened()).as("three sends, one connection").isEqualTo(1);

            MimeMessage[] received = greenMail.greenMail().getReceivedMessages();
            assertThat(received).hasSize(3);
            DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) ->
                    List.of("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())));
            for (int i = 0; i < 3; i++) {
                MimeMessage message = received[i];
                assertThat(message.getMessageID()).isEqualTo("<" + sent.get(i).messageId() + ">");
                assertThat(message.getHeader("X-PM-Message", null)).isEqualTo("msg_" + i);
                assertThat(message.getSubject()).isEqualTo("Über the pool");
                assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
                byte[] wire = GreenMailUtil.getWholeMessage(message).getBytes(StandardCharsets.US_ASCII);
                assertThat(verifier.verify(new ByteArrayInputStream(wire))).as("DKIM after SMTP").hasSize(1);
            }
        }
    }

    @Test
    void idleConnectionsCloseAndNewOnesOpen() throws Exception {
        AtomicLong now = new AtomicLong();
        SmtpSettings settings = new SmtpSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        try (SmtpTransport transport = new SmtpTransport(settings, now::get)) {
            BuiltMessage built = message("carol@example.io", "msg_idle");
            transport.send(account("mb_idle"), built.envelopeFrom(), built.envelopeTo(), built.raw());
            now.addAndGet(Duration.ofSeconds(10).toNanos());
            transport.send(account("mb_idle"), built.envelopeFrom(), built.envelopeTo(), built.raw());
            assertThat(transport.connectionsOpened()).isEqualTo(1);
            now.addAndGet(Duration.ofSeconds(31).toNanos());
            transport.closeIdle();
            transport.send(account("mb_idle"), built.envelopeFrom(), built.envelopeTo(), built.raw());
            assertThat(transport.connectionsOpened()).as("the idle one was closed").isEqualTo(2);
            // Another mailbox never borrows this mailbox's connection.
            transport.send(account("mb_other"), built.envelopeFrom(), built.envelopeTo(), built.raw());
            assertThat(transport.connectionsOpened()).isEqualTo(3);
        }
        assertThat(greenMail.greenMail().getReceivedMessages()).hasSize(4);
    }

    @Test
    void concurrentSendsNeverOpenMoreThanTheMailboxBound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (SmtpTransport transport = new SmtpTransport(SmtpSettings.DEFAULTS)) {
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                BuiltMessage built = message("dave" + i + "@example.io", "msg_c" + i);
                results.add(pool.submit(() -> transport.send(account("mb_bound"), built.envelopeFrom(),
                        built.envelopeTo(), built.raw())));
            }
            for (Future<SendResult> result : results) {
                assertThat(result.get()).isInstanceOf(Sent.class);
            }
            assertThat(transport.connectionsOpened()).isBetween(1L, 2L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(greenMail.greenMail().getReceivedMessages()).hasSize(24);
    }

    @Test
    void changedCredentialsGetAFreshConnection() throws Exception {
        try (SmtpTransport transport = new SmtpTransport(SmtpSettings.DEFAULTS)) {
            BuiltMessage built = message("erin@example.io", "msg_rot");
            transport.send(account("mb_rot"), built.envelopeFrom(), built.envelopeTo(), built.raw());
            transport.send(new SmtpAccount("mb_rot", "127.0.0.1", greenMail.smtpPort(), "none", "erin", "new-password"),
                    built.envelopeFrom(), built.envelopeTo(), built.raw());
            assertThat(transport.connectionsOpened()).isEqualTo(2);
        }
    }
}

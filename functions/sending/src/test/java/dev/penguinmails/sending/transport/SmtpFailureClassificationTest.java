package dev.penguinmails.sending.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.sending.transport.ScriptedSmtpServer.Script;
import dev.penguinmails.sending.transport.SendResult.PermanentFailure;
import dev.penguinmails.sending.transport.SendResult.PermanentFailure.Scope;
import dev.penguinmails.sending.transport.SendResult.Sent;
import dev.penguinmails.sending.transport.SendResult.TemporaryFailure;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class SmtpFailureClassificationTest {
    private static final byte[] MESSAGE = ("From: a@acme.io\r\nTo: b@example.io\r\nSubject: hi\r\n\r\nhello\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final SmtpSettings FAST = new SmtpSettings(Duration.ofMillis(700), Duration.ofMillis(700), 2,
            Duration.ofSeconds(30), Duration.ofSeconds(2));

    private static SendResult sendTo(Script script) throws Exception {
        return sendTo(script, null, null);
    }

    private static SendResult sendTo(Script script, String user, String password) throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(script); SmtpTransport transport = new SmtpTransport(FAST)) {
            return transport.send(new SmtpAccount("mb_1", "127.0.0.1", server.port(), "none", user, password),
                    "a@acme.io", "b@example.io", MESSAGE);
        }
    }

    @Test
    void anAcceptedMessageIsSent() throws Exception {
        assertThat(sendTo(Script.accepting())).isInstanceOfSatisfying(Sent.class,
                sent -> assertThat(sent.providerId()).contains("queued as 42"));
    }

    @Test
    void fourHundredsAreTemporaryAndGreylistingWaitsMinutes() throws Exception {
        assertThat(sendTo(Script.accepting().rcpt("451 4.7.1 Greylisted, please try again later")))
                .isInstanceOfSatisfying(TemporaryFailure.class, f -> {
                    assertThat(f.code()).isEqualTo(451);
                    assertThat(f.notBefore()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(f.retryable()).isTrue();
                });
        assertThat(sendTo(Script.accepting().data("452 4.3.1 insufficient storage")))
                .isInstanceOfSatisfying(TemporaryFailure.class, f -> {
                    assertThat(f.code()).isEqualTo(452);
                    assertThat(f.notBefore()).isNull();
                });
        assertThat(sendTo(Script.accepting().greeting("421 4.3.2 too busy")))
                .isInstanceOfSatisfying(TemporaryFailure.class, f -> assertThat(f.reason()).contains("421"));
    }

    @Test
    void fiveHundredsArePermanentAndSayWhom() throws Exception {
        assertThat(sendTo(Script.accepting().rcpt("550 5.1.1 no such user")))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> {
                    assertThat(f.scope()).isEqualTo(Scope.RECIPIENT);
                    assertThat(f.code()).isEqualTo(550);
                    assertThat(f.retryable()).isFalse();
                });
        assertThat(sendTo(Script.accepting().data("554 5.7.1 message refused as spam")))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> {
                    assertThat(f.scope()).isEqualTo(Scope.MESSAGE);
                    assertThat(f.code()).isEqualTo(554);
                });
    }

    @Test
    void aFailedLoginCondemnsTheMailboxNotTheRecipient() throws Exception {
        assertThat(sendTo(Script.accepting().auth("535 5.7.8 authentication credentials invalid"), "ana", "wrong"))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.scope()).isEqualTo(Scope.MAILBOX));
        assertThat(sendTo(Script.accepting().auth("454 4.7.0 temporary authentication failure"), "ana", "pw"))
                .isInstanceOf(TemporaryFailure.class);
    }

    @Test
    void silentServersTimeOutAsTemporaryAndOnlySilenceAfterDataIsMarkedAfterData() throws Exception {
        Script[] stalling = {Script.accepting().greeting(null), Script.accepting().rcpt(null), Script.accepting().data(null)};
        boolean[] afterData = {false, false, true};
        for (int i = 0; i < stalling.length; i++) {
            long start = System.nanoTime();
            SendResult result = sendTo(stalling[i]);
            boolean expected = afterData[i];
            assertThat(result).isInstanceOfSatisfying(TemporaryFailure.class, f -> {
                assertThat(f.reason()).containsIgnoringCase("timed out");
                assertThat(f.afterData()).as("decision 0057: only after the final '.'").isEqualTo(expected);
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRefusedConnectionIsTemporary() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SmtpTransport transport = new SmtpTransport(FAST)) {
            assertThat(transport.send(new SmtpAccount("mb_1", "127.0.0.1", closedPort, "none", null, null),
                    "a@acme.io", "b@example.io", MESSAGE)).isInstanceOfSatisfying(TemporaryFailure.class,
                    f -> assertThat(f.afterData()).isFalse());
        }
    }

    @Test
    void aTlsMailboxAgainstAPlainServerIsAMailboxProblemOrTemporary() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Script.accepting()); SmtpTransport transport = new SmtpTransport(FAST)) {
            SendResult result = transport.send(new SmtpAccount("mb_1", "127.0.0.1", server.port(), "starttls", null, null),
                    "a@acme.io", "b@example.io", MESSAGE);
            // The server offers no STARTTLS, which a mailbox configured for it must require: never send in clear.
            assertThat(result).isNotInstanceOf(Sent.class);
            assertThat(server.messagesAccepted.get()).isZero();
        }
    }
}

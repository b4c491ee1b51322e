package dev.penguinmails.sending.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penguinmails.emulators.LocalAwsClients;
import dev.penguinmails.sending.messages.Address;
import dev.penguinmails.sending.messages.BuiltMessage;
import dev.penguinmails.sending.messages.MimeMessages;
import dev.penguinmails.sending.messages.OutgoingMessage;
import dev.penguinmails.sending.transport.SendResult.PermanentFailure;
import dev.penguinmails.sending.transport.SendResult.PermanentFailure.Scope;
import dev.penguinmails.sending.transport.SendResult.Sent;
import dev.penguinmails.sending.transport.SendResult.TemporaryFailure;
import dev.penguinmails.shared.aws.SesSendRetries;
import dev.penguinmails.testsupport.TestAws;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** SES v2 raw sends against aws-ses-v2-local, which forwards them to GreenMail; the request body is read off the wire. */
@Tag("integration")
class SesRawTransportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> wire = new CopyOnWriteArrayList<>();
    private SesV2Client ses;

    @BeforeEach
    void client() {
        ses = client(TestAws.shared().endpoints().sesv2());
    }

    @AfterEach
    void close() {
        ses.close();
    }

    private SesV2Client client(URI endpoint) {
        return SesV2Client.builder().endpointOverride(endpoint).region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder())
                // The production client's retries (AwsClients' SES client for sends) and a short attempt timeout.
                .overrideConfiguration(c -> c.retryStrategy(SesSendRetries.strategy())
                        .apiCallAttemptTimeout(Duration.ofSeconds(2)).addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        context.requestBody().ifPresent(body -> {
                            try (InputStream in = body.contentStreamProvider().newStream()) {
                                wire.add(JSON.readTree(in));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                    }
                })).build();
    }

    @Test
    void theRawMessageArrivesWithTheConfigurationSetInTheRequest() throws Exception {
        String to = "ses-raw-" + System.nanoTime() + "@example.io";
        BuiltMessage built = new MimeMessages().build(new OutgoingMessage(new Address("ana@mail.acme.io", "Ana"),
                Address.of(to), "Raw through SES", "text", "<p>html</p>", "msg_ses1", URI.create("mailto:u@mail.acme.io"),
                URI.create("https://u.penguinmails.dev/u/t"), null, Instant.now()));

        SendResult result = new SesRawTransport(ses, "penguinmails-test-events").send(built.envelopeFrom(), to, built.raw());

        assertThat(result).isInstanceOfSatisfying(Sent.class, sent -> assertThat(sent.providerId()).isNotBlank());
        assertThat(wire).singleElement().satisfies(request -> {
            assertThat(request.path("ConfigurationSetName").asText()).isEqualTo("penguinmails-test-events");
            assertThat(request.path("FromEmailAddress").asText()).isEqualTo("ana@mail.acme.io");
            assertThat(request.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo(to);
            assertThat(Base64.getDecoder().decode(request.path("Content").path("Raw").path("Data").asText()))
                    .isEqualTo(built.raw());
        });
        // aws-ses-v2-local parses the raw message and composes a new one for GreenMail (custom headers are lost
        // there, not by us: the bytes on the wire above are ours exactly); what it kept must be what we sent.
        MimeMessage arrived = TestAws.mailbox().awaitMessagesTo(to, 1, Duration.ofSeconds(20)).get(0);
        assertThat(arrived.getSubject()).isEqualTo("Raw through SES");
        assertThat(TestAws.shared().ses().store()).contains(to, "Raw through SES", "<p>html</p>");
    }

    @Test
    void anUnreachableSesIsTemporary() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SesV2Client unreachable = client(URI.create("http://127.0.0.1:" + closedPort))) {
            assertThat(new SesRawTransport(unreachable, null).send("a@acme.io", "b@example.io", new byte[] {'x'}))
                    .isInstanceOfSatisfying(TemporaryFailure.class, t -> assertThat(t.afterData())
                            .as("no connection, nothing sent: safe to retry").isFalse());
        }
    }

    // ---- SendEmail has no idempotency token: only answers proving SES did not take it are retried (decision 0069) ----

    /** An HTTP server standing in for SES: counts the requests and answers each with {@code status} after {@code delay}. */
    private static HttpServer ses(AtomicInteger requests, int status, String errorType, Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"message\":\"from the stand-in\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private SendResult sendThrough(HttpServer server) {
        try (SesV2Client client = client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            return new SesRawTransport(client, null).send("a@acme.io", "b@example.io", new byte[] {'x'});
        }
    }

    @Test
    void sesSilentAfterTheRequestIsAnUnknownOutcomeAskedOnce() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = ses(requests, 200, "", Duration.ofSeconds(6));
        try {
            assertThat(sendThrough(server)).isInstanceOfSatisfying(TemporaryFailure.class, t -> {
                assertThat(t.afterData()).as("SES may have taken it: never sent again").isTrue();
                assertThat(t.reason()).contains("no answer from SES");
            });
            assertThat(requests.get()).as("the SDK did not repeat the request").isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2} requests")
    @CsvSource({"429, TooManyRequestsException, 3", "500, InternalFailure, 1"})
    void onlyThrottlingIsRetriedByTheSdkAndBothAreTemporary(int status, String errorType, int expectedRequests)
            throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = ses(requests, status, errorType, Duration.ZERO);
        try {
            assertThat(sendThrough(server)).isInstanceOfSatisfying(TemporaryFailure.class,
                    t -> assertThat(t.afterData()).as("SES answered: it did not send").isFalse());
            assertThat(requests.get()).isEqualTo(expectedRequests);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sesRefusalsAreClassified() {
        assertThat(SesRawTransport.classify(error(TooManyRequestsException.builder(), 429, "TooManyRequestsException")))
                .isInstanceOf(TemporaryFailure.class);
        assertThat(SesRawTransport.classify(error(SesV2Exception.builder(), 503, "ServiceUnavailable")))
                .isInstanceOf(TemporaryFailure.class);
        assertThat(SesRawTransport.classify(error(MessageRejectedException.builder(), 400, "MessageRejected")))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.scope()).isEqualTo(Scope.MESSAGE));
        assertThat(SesRawTransport.classify(error(AccountSuspendedException.builder(), 400, "AccountSuspendedException")))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.scope()).isEqualTo(Scope.MAILBOX));
    }

    private static SesV2Exception error(SesV2Exception.Builder builder, int status, String code) {
        return (SesV2Exception) builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("from the test").build()).build();
    }
}

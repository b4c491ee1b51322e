package dev.penguinmails.identity.emails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.penguinmails.emulators.LocalAwsClients;
import dev.penguinmails.testsupport.TestAws;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES request as it leaves the function: recorded on its way to aws-ses-v2-local (whose store does not
 * keep the configuration set), which still accepts and delivers it.
 */
@Tag("integration")
class SesMailTransportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("host", "content-length", "connection",
            "expect", "upgrade");
    private final List<JsonNode> recorded = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer recorder;
    private SesV2Client ses;

    @BeforeEach
    void startRecorder() throws IOException {
        URI target = TestAws.shared().endpoints().sesv2();
        recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recorder.createContext("/", exchange -> forward(exchange, target));
        recorder.start();
        ses = SesV2Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + recorder.getAddress().getPort()))
                .region(LocalAwsClients.REGION)
                .credentialsProvider(LocalAwsClients.CREDENTIALS)
                .build();
    }

    @AfterEach
    void stopRecorder() {
        ses.close();
        recorder.stop(0);
    }

    @Test
    void everySendNamesTheConfigurationSet() {
        String to = "config-set-" + System.nanoTime() + "@example.com";
        SesMailTransport transport = new SesMailTransport(() -> ses, settings(), "penguinmails-prod-events", "prod");

        transport.send(new OutgoingEmail(to, "Hello", "text", "<p>html</p>"));

        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("ConfigurationSetName").asText()).isEqualTo("penguinmails-prod-events");
        assertThat(recorded.get(0).path("Destination").path("ToAddresses").get(0).asText()).isEqualTo(to);
        assertThat(TestAws.shared().ses().store()).as("the emulator accepted and stored it").contains(to);
    }

    @Test
    void aDeployedStageWithoutAConfigurationSetRefusesToStart() {
        assertThatThrownBy(() -> new SesMailTransport(() -> ses, settings(), " ", "prod"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("penguinmails.email.configuration-set");
        SesMailTransport local = new SesMailTransport(() -> ses, settings(), null, "local");

        local.send(new OutgoingEmail("no-set-" + System.nanoTime() + "@example.com", "Hi", "text", "<p>html</p>"));

        assertThat(recorded.get(0).has("ConfigurationSetName")).isFalse();
    }

    private static MailSettings settings() {
        return new MailSettings("https://app.penguinmails.com", "PenguinMails <no-reply@penguinmails.com>", "prod");
    }

    private void forward(HttpExchange exchange, URI target) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        recorded.add(JSON.readTree(body));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getPath()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }
}

package dev.penguinmails.emulators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SES v2, emulated by the npm package aws-ses-v2-local in a node child process. It keeps every sent
 * mail for its web viewer ("the sent-mail viewer", at {@link #mailViewer()}) and forwards each one
 * over SMTP, here to GreenMail, so that tests can read it as a mailbox would receive it.
 */
public final class SesLocal implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("server running at \\S+:(\\d+)");

    /** GetAccount answers only when an account is configured; this one is a healthy production account. */
    private static final String ACCOUNT = """
            {"DedicatedIpAutoWarmupEnabled":false,
             "Details":{"AdditionalContactEmailAddresses":[],"ContactLanguage":"EN","MailType":"MARKETING",
                        "ReviewDetails":{"CaseId":"local","Status":"GRANTED"},
                        "UseCaseDescription":"PenguinMails local stack","WebsiteURL":"http://localhost"},
             "EnforcementStatus":"HEALTHY","ProductionAccessEnabled":true,"SendingEnabled":true,
             "SendQuota":{"Max24HourSend":1000000,"MaxSendRate":100,"SentLast24Hours":0},
             "SuppressionAttributes":{"SuppressedReasons":[]}}""";

    private final NodeProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SesLocal(NodeProcess process) {
        this.process = process;
    }

    /**
     * Starts aws-ses-v2-local on 127.0.0.1.
     *
     * @param port     the port, or 0 for one the OS picks
     * @param smtpPort the SMTP server on 127.0.0.1 every sent mail is forwarded to
     */
    public static SesLocal start(NodeRuntime node, int port, int smtpPort) {
        Map<String, String> env = Map.of(
                "SMTP_TRANSPORT", "{\"host\":\"127.0.0.1\",\"port\":" + smtpPort
                        + ",\"secure\":false,\"ignoreTLS\":true}",
                "AWS_SES_ACCOUNT", ACCOUNT.replaceAll("\\s*\\n\\s*", ""));
        List<String> args = List.of(node.module(NodeRuntime.SES_LOCAL, "dist/cli.js").toString(),
                "--port", Integer.toString(port), "--host", "127.0.0.1");
        return new SesLocal(NodeProcess.start("aws-ses-v2-local", node, args, env, READY));
    }

    public int port() {
        return process.port();
    }

    /** The SES v2 API endpoint for the SDK's endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The web page that lists every mail sent through SES. */
    public URI mailViewer() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** The emulator's store as JSON: {@code {"templates":{...},"emails":[...]}}. */
    public String store() {
        return call(HttpRequest.newBuilder(endpoint().resolve("/store")).GET());
    }

    /** Forgets every stored mail and template. */
    public void clearStore() {
        call(HttpRequest.newBuilder(endpoint().resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    private String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new EmulatorException("aws-ses-v2-local answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new EmulatorException("aws-ses-v2-local at " + endpoint() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("Interrupted while calling aws-ses-v2-local.", e);
        }
    }
}

package dev.penguinmails.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penguinmails.local.FixtureAccess;
import dev.penguinmails.local.LocalStack;
import dev.penguinmails.local.LocalStackOptions;
import dev.penguinmails.testsupport.TestAws;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wiring, end to end, with the real handlers from the real identity jar: signup over HTTP stores the
 * account and publishes account.signed_up, the rule routes it to the identity-emails queue, the poller
 * hands it to the email consumer, SES v2 sends it, and it arrives in GreenMail; its link then verifies
 * the address.
 */
class SignupEndToEndTest {
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");
    private static LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.ephemeral(FixtureAccess.projectRoot())
                .withLocalAws(TestAws.shared(), "e2e-"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void signupSendsAVerificationEmailWhoseLinkVerifiesTheAddress() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> signup = post("/v1/signup", """
                {"email":"%s","password":"violet-tractor-sings-Quarterly-42","name":"Erin Example","workspaceName":"Erin's Agency"}
                """.formatted(email));
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);

        List<MimeMessage> mail = TestAws.mailbox().awaitMessagesTo(email, 1, Duration.ofSeconds(60));
        String body = text(mail.get(0));
        Matcher token = TOKEN.matcher(body);
        assertThat(token.find()).as("a link with a token in: %s", body).isTrue();

        HttpResponse<String> verify = post("/v1/auth/verify-email", "{\"token\":\"" + token.group(1) + "\"}");
        assertThat(verify.statusCode()).as(verify.body()).isBetween(200, 204);
        HttpResponse<String> again = post("/v1/auth/verify-email", "{\"token\":\"" + token.group(1) + "\"}");
        assertThat(again.statusCode()).as("a used token is refused").isBetween(400, 410);
        assertThat(again.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void anUnknownRouteIsAProblemNotAStackTrace() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + "/v1/nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("https://penguinmails.dev/problems/");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.apiBaseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        StringBuilder all = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.append(text(child)).append('\n');
            }
        }
        return all.toString();
    }
}
